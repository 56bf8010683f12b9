//! Today's answers for the class the window opens on, worked out while the window starts. From
//! launch to the first screen the window mostly waits on WebKit (its processes starting, the page
//! loading its modules), with a core to spare; the overview and the lists of Today (about 40 ms
//! of a core on a record of 300 children) are worked out meanwhile, and the page's first asks for
//! them are answered at once. An answer stands only while the record is as it was when it was
//! worked out and the day is the same, is handed out once, and is let go when the first screen
//! shows: anything else is worked out when asked, as ever.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use rapport::insights::{self, ClassOverview, TodayReport};
use rapport::model::Id;
use rapport::store::ChangeMark;
use rapport::{uses, Store};

/// Shared by the start-up task that works the answers out and the commands that hand them out.
#[derive(Clone, Default)]
pub struct FirstScreen(Arc<Mutex<Option<Ahead>>>);

struct Ahead {
    class_id: Id,
    date: NaiveDate,
    mark: ChangeMark,
    overview: Option<ClassOverview>,
    today: Option<TodayReport>,
}

impl FirstScreen {
    /// Works out Today's answers for the class the window opens on (the current class of the
    /// settings) on `date`, on a blocking thread holding the store. A record with no class, or
    /// one that fails to read, keeps nothing: the page then asks as usual.
    pub fn work_out(&self, store: &Store, date: NaiveDate) {
        let ahead = || -> rapport::Result<Option<Ahead>> {
            // The mark first: a write made by another connection while the answers are worked
            // out changes the record after it, and the answers are then not used.
            let mark = store.change_mark()?;
            let Some(class_id) = store.settings()?.current_class_id else {
                return Ok(None);
            };
            Ok(Some(Ahead {
                class_id,
                date,
                mark,
                overview: Some(insights::class_overview(&store.class_records(class_id)?)),
                today: Some(uses::today(store, Some(class_id), date)?),
            }))
        };
        match ahead() {
            Ok(ahead) => *self.lock() = ahead,
            Err(error) => log::warn!("Today could not be read ahead: {}", error.code()),
        }
    }

    /// The overview of `class_id` on `date`, when it was worked out ahead and still stands.
    pub fn overview(&self, store: &Store, class_id: Id, date: NaiveDate) -> Option<ClassOverview> {
        self.take(store, class_id, date, |ahead| ahead.overview.take())
    }

    /// Today's lists for `class_id` on `date`, when they were worked out ahead and still stand.
    pub fn today(&self, store: &Store, class_id: Id, date: NaiveDate) -> Option<TodayReport> {
        self.take(store, class_id, date, |ahead| ahead.today.take())
    }

    /// The first screen shows: answers not asked for are let go.
    pub fn forget(&self) {
        *self.lock() = None;
    }

    fn take<T>(
        &self,
        store: &Store,
        class_id: Id,
        date: NaiveDate,
        part: impl FnOnce(&mut Ahead) -> Option<T>,
    ) -> Option<T> {
        let mut kept = self.lock();
        let ahead = kept.as_mut()?;
        let stands = ahead.class_id == class_id
            && ahead.date == date
            && store.change_mark().is_ok_and(|mark| mark == ahead.mark);
        if !stands {
            *kept = None;
            return None;
        }
        part(ahead)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Ahead>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport::model::{ClassDetails, PraiseCategory, PraiseDetails};

    fn today() -> NaiveDate {
        chrono::Local::now().date_naive()
    }

    fn record_with_a_class() -> (tempfile::TempDir, Store, Id) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
        rapport::demo::load_demo_class(&mut store, today()).unwrap();
        let class_id = store
            .settings()
            .unwrap()
            .current_class_id
            .expect("the demo has a class");
        (dir, store, class_id)
    }

    fn another_class(store: &Store) -> Id {
        let year = store.classes().unwrap()[0].school_year_id;
        let details = ClassDetails {
            name: "Room 9".into(),
            ..ClassDetails::default()
        };
        store.add_class(year, &details).unwrap().id
    }

    #[test]
    fn answers_worked_out_ahead_are_the_ones_asked_for_and_handed_out_once() {
        let (_dir, store, class_id) = record_with_a_class();
        let first = FirstScreen::default();
        first.work_out(&store, today());
        let fresh = uses::today(&store, Some(class_id), today()).unwrap();
        assert!(!fresh.follow_ups.is_empty(), "the demo has follow-ups due");
        assert_eq!(first.today(&store, class_id, today()), Some(fresh));
        assert_eq!(
            first.overview(&store, class_id, today()),
            Some(insights::class_overview(
                &store.class_records(class_id).unwrap()
            ))
        );
        assert_eq!(first.today(&store, class_id, today()), None);
        assert_eq!(first.overview(&store, class_id, today()), None);
    }

    #[test]
    fn a_write_another_class_or_another_day_leaves_them_unused() {
        let (_dir, store, class_id) = record_with_a_class();
        let first = FirstScreen::default();

        first.work_out(&store, today());
        let tomorrow = today().succ_opt().unwrap();
        assert_eq!(first.today(&store, class_id, tomorrow), None);
        assert_eq!(first.overview(&store, class_id, today()), None, "let go");

        first.work_out(&store, today());
        let other = another_class(&store);
        assert_eq!(first.today(&store, other, today()), None);

        first.work_out(&store, today());
        let student = store.class_records(class_id).unwrap()[0].student.id;
        store
            .add_praise(&PraiseDetails {
                student_id: student,
                noticed_on: today(),
                category: PraiseCategory::ALL[0],
                note: "Helped a new classmate".into(),
                call_queued: true,
            })
            .unwrap();
        assert_eq!(first.overview(&store, class_id, today()), None);

        first.work_out(&store, today());
        first.forget();
        assert_eq!(first.today(&store, class_id, today()), None);
    }

    #[test]
    fn a_write_from_another_connection_leaves_them_unused() {
        let (dir, store, class_id) = record_with_a_class();
        let first = FirstScreen::default();
        first.work_out(&store, today());
        let elsewhere = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
        another_class(&elsewhere);
        assert_eq!(first.today(&store, class_id, today()), None);
    }
}
