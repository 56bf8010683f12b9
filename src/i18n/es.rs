//! Español.

use super::Handout;

pub const HANDOUT: Handout = Handout {
    code: "es",
    page_of: "Página {page} de {pages}",
    months: [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre",
    ],
    weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    date_format: "{weekday}, {day} de {month} de {year}",
    clock_24h: true,
    letter_title: "Bienvenidos a un nuevo año con {child}",
    letter_greeting: "Estimado/a {guardian}:",
    reach_default: "a través de la oficina de la escuela",
    teacher_default: "la maestra o el maestro de su hijo",
    school_default: "la escuela",
    letter_body: "Me llamo {teacher} y este año soy el maestro o la maestra de {child} en {school}. \
        Tengo muchas ganas de conocer a {child}, y también me gustaría conocerles a ustedes: nadie \
        conoce a {child} mejor que su familia.\n\
        Estaré en contacto durante todo el año, no solo cuando algo vaya mal. Les escribiré o \
        llamaré cuando {child} haga algo que merezca celebrarse, y espero que ustedes me cuenten \
        qué le encanta a {child}, qué le cuesta y cualquier cosa que me ayude a enseñarle bien.\n\
        Pueden comunicarse conmigo {contact_hours}. Díganme, por favor, cómo, cuándo y en qué \
        idioma prefieren que me comunique con ustedes.",
    letter_closing: "Con mucho cariño,",
    and: "y",
    family_of: "Familia de {child}",
    slip_title: "Su reunión sobre {child}",
    slip_when: "Cuándo",
    slip_where: "Dónde",
    slip_length: "{minutes} minutos",
    slip_interpreter: "Nos acompañará un intérprete de {language}.",
    slip_change: "Si este horario no les conviene, avisen a {teacher} y buscaremos otro.",
    slip_closing: "¡Les esperamos con mucho gusto!",
    questionnaire_title: "Cuéntenos sobre {child}",
    questionnaire_intro: "Nadie conoce a {child} mejor que ustedes. Lo que nos cuenten nos ayuda a \
        enseñar bien a {child} este año, y queda entre ustedes y su maestro o maestra. Respondan tanto \
        o tan poco como deseen.",
    any_language: "Pueden escribir en el idioma que prefieran.",
    child: "Alumno/a",
    filled_in_by: "Completado por",
    date: "Fecha",
    return_to: "Por favor, devuelvan esta hoja a {teacher} en {school}. ¡Gracias!",
    thanks: "Gracias por ayudarnos a conocer a {child}.",
    questions: &[
        ("strengths", "¿Cuáles son los mayores talentos de su hijo o hija? ¿De qué se siente orgulloso/a?"),
        ("interests", "¿Qué le encanta hacer fuera de la escuela?"),
        ("worries", "¿Hay algo que les preocupe a ustedes o a su hijo/a sobre este año escolar?"),
        ("learning", "¿Cómo aprende mejor? ¿Qué le ayuda cuando algo le resulta difícil?"),
        ("home", "¿Hay algo de la vida en casa o en familia que quieran que yo sepa?"),
        ("people", "¿Quiénes son las personas importantes en la vida de su hijo/a?"),
        ("hopes", "¿Qué esperan para su hijo/a este año?"),
        ("contact", "¿Cómo, cuándo y en qué idioma prefieren que me comunique con ustedes?"),
        ("ask", "¿Hay alguna pregunta que esperan que yo haga sobre su hijo/a? ¿Cuál sería su respuesta?"),
    ],
};
