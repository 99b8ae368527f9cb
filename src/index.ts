/** The library: load, validate and score questionnaires without the terminal. */
export { Questionnaire, type QuestionnaireInput } from "./core/questionnaire.ts";
export { validateQuestionnaire } from "./core/validate.ts";
export { compileScoring, scoreAnswers, scoreValues, type Answer, type ScoringModel } from "./core/scoring.ts";
export { bandFor, itemsForLevel, itemText } from "./core/levels.ts";
export { GroupSummary } from "./core/group-summary.ts";
export { ItemStatistics } from "./core/item-stats.ts";
export { buildReport, type Report } from "./core/report.ts";
export { loadQuestionnaireFile, parseQuestionnaire } from "./adapters/yaml-source.ts";
export { readResponses } from "./adapters/response-reader.ts";
export { renderReportPdf } from "./adapters/pdf.ts";
