//! Español.

use super::Handout;

pub const HANDOUT: Handout = Handout {
    code: "es",
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
