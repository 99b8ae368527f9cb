/** The library: load, validate and score questionnaires without the terminal. */
export { Questionnaire, type QuestionnaireInput } from "./core/questionnaire/questionnaire.ts";
export { validateQuestionnaire } from "./core/questionnaire/validate.ts";
export { compileScoring, scoreAnswers, scoreValues, type Answer, type ScoringModel } from "./core/scoring/scoring.ts";
export { bandFor, itemsForLevel, itemText } from "./core/questionnaire/levels.ts";
export { GroupSummary } from "./core/scoring/group-summary.ts";
export { ItemStatistics } from "./core/scoring/item-stats.ts";
export { buildReport, type Report } from "./core/report/report.ts";
export { parseQuestionnaire } from "./adapters/files/yaml-source.ts";
export { loadQuestionnaireFile } from "./adapters/files/questionnaire-file.ts";
export { readResponses } from "./adapters/csv/response-reader.ts";
export { renderReportPdf } from "./adapters/pdf/report-pdf.ts";
/** The wide CSV's data dictionary and syntax that reads it in SPSS/PSPP, R and Stata (`ledelsestjek codebook`). */
export { buildCodebook, type Codebook, type CodebookColumn } from "./core/codebook/codebook.ts";
export { renderMarkdown as renderCodebookMarkdown } from "./core/codebook/markdown.ts";
export { renderSpss } from "./core/codebook/spss.ts";
export { renderR } from "./core/codebook/r-script.ts";
export { renderStata } from "./core/codebook/stata.ts";
/** SHA-256 of a file, as `provenance.inputs[].sha256` records it. */
export { fileProvenance, type FileProvenance } from "./adapters/files/provenance.ts";
