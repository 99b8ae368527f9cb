import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { AnswerKind } from "../../core/scoring/item-stats.ts";
import { COMMENT_PREFIX } from "../../core/responses/responses.ts";
import { formatOfHeader, unknownFormatText, type ResponseFormat } from "../../core/responses/response-format.ts";
import { FIXED_COLUMNS } from "../../core/questionnaire/rules.ts";
import type { ScoringModel } from "../../core/scoring/scoring.ts";
import { t, type Text } from "../../core/text.ts";
import { CsvScanner, CsvSyntaxError, type CsvSink } from "./csv-scan.ts";
import { detectDelimiter, readTextChunks, splitHeader, type Encoding } from "../files/text-source.ts";

/** One respondent as read; `values` and `kinds` are reused between rows, so consume them at once. */
export type RespondentRow = {
  file: string;
  line: number;
  respondentId: string;
  questionnaireId: string;
  version: string;
  level: string;
  group: string;
  submittedAt: string;
  /** The file's metadata columns and this row's values of them (reused, like `values`). */
  metaNames: readonly string[];
  metaValues: readonly string[];
  /** The file's `comment.<element>` columns and this row's comments (reused, like `values`). */
  commentNames: readonly string[];
  commentValues: readonly string[];
  values: Float64Array;
  kinds: Uint8Array;
  /** The row's text as in the file (all of a respondent's lines in the long format), for the rejects file. */
  raw: () => string;
};

export type DataProblem = { file: string; line: number; column?: string; message: Text; raw?: string };

/** A problem with the file as a whole (its header, its syntax): no row can be read past it. */
export class FileProblem extends Error {
  constructor(readonly problem: DataProblem) {
    super(problem.message.en);
  }
}

export type ReadOptions = {
  /** Accepted for old scripts; the header decides the format (SPEC §3). */
  long?: boolean;
  onRow: (row: RespondentRow) => void;
  /** A bad row; return normally to skip it (--lenient), or throw to stop. */
  onProblem: (problem: DataProblem) => void;
  onProgress?: (bytes: number, size: number) => void;
};

export type ReadSummary = { encoding: Encoding; delimiter: string; format: ResponseFormat; rows: number; columns: string[] };

const FIXED_INDEX = new Map<string, number>(FIXED_COLUMNS.map((name, i) => [name, i]));

/** Reads a wide or a long response file, told apart by its header, and streams its respondents. */
export async function readResponses(file: string, q: Questionnaire, model: ScoringModel, options: ReadOptions): Promise<ReadSummary> {
  const source = await readTextChunks(file);
  let sink: WideSink | LongSink | undefined;
  let scanner: CsvScanner | undefined;
  let buffer = "";
  let delimiter = ",";
  let format: ResponseFormat = "wide";
  const build = (header: string) => {
    delimiter = detectDelimiter(header);
    // A blank first line falls through to the wide reader, which says the file is empty.
    if (header.trim() !== "") {
      const names = splitHeader(header, delimiter);
      const found = formatOfHeader(names);
      if (!found) throw new FileProblem({ file, line: 1, message: unknownFormatText(names) });
      format = found;
    }
    sink = format === "long" ? new LongSink(file, q, model, options) : new WideSink(file, q, model, options);
    scanner = new CsvScanner(delimiter.charCodeAt(0), sink);
  };
  try {
    for await (const { text, bytes } of source.chunks) {
      buffer = buffer.length > 0 ? buffer + text : text;
      if (!scanner) {
        const eol = buffer.search(/\r?\n/);
        if (eol < 0) continue;
        build(buffer.slice(0, eol));
      }
      buffer = buffer.slice(scanner!.scan(buffer, false));
      options.onProgress?.(bytes, source.size);
    }
    if (!scanner) build(buffer);
    scanner!.scan(buffer, true);
    sink!.finish();
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      const column = sink?.columnName(err.col);
      throw new FileProblem({
        file,
        line: err.line,
        ...(column ? { column } : {}),
        message: err.code === "unclosed_quote"
          ? t("et felt i anførselstegn lukkes aldrig", "a quoted field is never closed")
          : t("tekst efter et afsluttende anførselstegn", "text after a closing quote"),
      });
    }
    throw err;
  }
  if (!sink || sink.columns.length === 0) throw new FileProblem({ file, line: 1, message: t("filen er tom", "the file is empty") });
  return { encoding: source.encoding, delimiter, format, rows: sink.rows, columns: sink.columns };
}

const DIGIT_0 = 48;

const namesAndValues = (entries: [string, string][]) => ({ names: entries.map(([name]) => name), values: entries.map(([, value]) => value) });

/** A metadata value of a row, or undefined when its file has no such column. */
export function metaValue(row: RespondentRow, name: string): string | undefined {
  const i = row.metaNames.indexOf(name);
  return i < 0 ? undefined : row.metaValues[i];
}

abstract class BaseSink implements CsvSink {
  columns: string[] = [];
  rows = 0;
  protected header = true;
  protected headerCells: string[] = [];

  constructor(
    protected readonly file: string,
    protected readonly q: Questionnaire,
    protected readonly model: ScoringModel,
    protected readonly options: ReadOptions,
  ) {}

  columnName(col: number): string | undefined {
    return this.columns[col] ?? this.headerCells[col];
  }

  abstract field(col: number, buf: string, start: number, end: number): void;
  abstract quoted(col: number, value: string): void;
  abstract record(fields: number, line: number, buf: string, start: number, end: number): void;

  finish(): void {}

  protected problem(line: number, column: string | undefined, message: Text, raw?: string): void {
    this.options.onProblem({ file: this.file, line, ...(column !== undefined ? { column } : {}), message, ...(raw !== undefined ? { raw } : {}) });
  }

  protected fatal(line: number, column: string | undefined, message: Text): never {
    throw new FileProblem({ file: this.file, line, ...(column !== undefined ? { column } : {}), message });
  }

  protected checkRespondent(row: RespondentRow, rawLine: () => string): boolean {
    const fail = (column: string, message: Text) => {
      this.problem(row.line, column, message, rawLine());
      return false;
    };
    if (!row.respondentId) return fail("respondent_id", t("mangler respondent_id", "respondent_id is missing"));
    if (row.questionnaireId !== this.q.id) {
      return fail("questionnaire_id", t(`rækken er til spørgeskemaet "${row.questionnaireId}", ikke "${this.q.id}"`, `the row is for questionnaire "${row.questionnaireId}", not "${this.q.id}"`));
    }
    if (row.version !== this.q.version) {
      return fail("questionnaire_version", t(`rækken er til version "${row.version}", men spørgeskemaet er version "${this.q.version}"`, `the row is for version "${row.version}", but the questionnaire is version "${this.q.version}"`));
    }
    const plan = this.model.plans.get(row.level);
    if (!plan) {
      return fail("level", t(`ukendt niveau "${row.level}" (kendte: ${this.q.levels.map((l) => l.id).join(", ")})`, `unknown level "${row.level}" (known: ${this.q.levels.map((l) => l.id).join(", ")})`));
    }
    for (const i of this.notPresentedTo(row.level)) {
      if (row.kinds[i] !== AnswerKind.Empty) {
        return fail(this.model.itemIds[i]!, t(`spørgsmålet stilles ikke til niveauet "${row.level}", men har et svar`, `the item is not presented to level "${row.level}" but has an answer`));
      }
    }
    return true;
  }

  private readonly notPresented = new Map<string, number[]>();
  private notPresentedTo(level: string): number[] {
    let indices = this.notPresented.get(level);
    if (!indices) {
      const presented = new Set(this.model.plans.get(level)!.elements.flatMap((element) => element?.members ?? []));
      indices = this.model.itemIds.map((_, i) => i).filter((i) => !presented.has(i));
      this.notPresented.set(level, indices);
    }
    return indices;
  }

  /** Parses one answer cell into values/kinds; returns a problem text or undefined. */
  protected parseAnswer(item: number, cell: string, values: Float64Array, kinds: Uint8Array): Text | undefined {
    if (cell === "") {
      values[item] = NaN;
      kinds[item] = AnswerKind.Empty;
      return undefined;
    }
    if (cell === "ved_ikke" && this.q.scale.dont_know !== undefined) {
      values[item] = NaN;
      kinds[item] = AnswerKind.DontKnow;
      return undefined;
    }
    const { min, max } = this.q.scale;
    if (/^-?\d+$/.test(cell)) {
      const v = Number(cell);
      if (v >= min && v <= max) {
        values[item] = v;
        kinds[item] = AnswerKind.Value;
        return undefined;
      }
    }
    const allowed = `${min}-${max}${this.q.scale.dont_know !== undefined ? ", ved_ikke" : ""}`;
    return t(`"${cell}" er ikke et gyldigt svar (tilladt: ${allowed} eller tom)`, `"${cell}" is not a valid answer (allowed: ${allowed} or empty)`);
  }
}

/** The wide format of SPEC §3: fixed columns, metadata, items, comments. */
class WideSink extends BaseSink {
  private itemOf = new Int32Array(0);
  private fixedOf = new Int8Array(0);
  private metaOf = new Int32Array(0);
  private metaNames: string[] = [];
  private commentOf = new Int32Array(0);
  private commentNames: string[] = [];
  private readonly fixed: string[] = ["", "", "", "", "", ""];
  private meta: string[] = [];
  private comments: string[] = [];
  private readonly values: Float64Array;
  private readonly kinds: Uint8Array;
  private rowProblem: { column: string; message: Text } | undefined;

  constructor(file: string, q: Questionnaire, model: ScoringModel, options: ReadOptions) {
    super(file, q, model, options);
    this.values = new Float64Array(model.itemIds.length);
    this.kinds = new Uint8Array(model.itemIds.length);
  }

  field(col: number, buf: string, start: number, end: number): void {
    if (this.header) {
      this.headerCells[col] = buf.slice(start, end);
      return;
    }
    const item = this.itemOf[col];
    if (item !== undefined && item >= 0) {
      // Fast path: a single digit, the common case in Likert data, needs no string.
      if (end - start === 1) {
        const v = buf.charCodeAt(start) - DIGIT_0;
        if (v >= this.q.scale.min && v <= this.q.scale.max && v >= 0 && v <= 9) {
          this.values[item] = v;
          this.kinds[item] = AnswerKind.Value;
          return;
        }
      }
      this.itemCell(col, item, buf.slice(start, end));
      return;
    }
    this.text(col, start === end ? "" : buf.slice(start, end));
  }

  quoted(col: number, value: string): void {
    if (this.header) {
      this.headerCells[col] = value;
      return;
    }
    const item = this.itemOf[col];
    if (item !== undefined && item >= 0) this.itemCell(col, item, value);
    else this.text(col, value);
  }

  private itemCell(col: number, item: number, cell: string): void {
    const problem = this.parseAnswer(item, cell, this.values, this.kinds);
    if (problem && !this.rowProblem) this.rowProblem = { column: this.columns[col]!, message: problem };
  }

  private text(col: number, value: string): void {
    const f = this.fixedOf[col];
    if (f !== undefined && f >= 0) this.fixed[f] = value;
    else {
      const m = this.metaOf[col];
      if (m !== undefined && m >= 0) this.meta[m] = value;
      else {
        const c = this.commentOf[col];
        if (c !== undefined && c >= 0) this.comments[c] = value;
      }
    }
  }

  record(fields: number, line: number, buf: string, start: number, end: number): void {
    if (this.header) {
      if (fields === 0) return;
      this.readHeader(line);
      return;
    }
    const raw = () => buf.slice(start, end).replace(/\r?\n$/, "");
    const problem = this.rowProblem;
    this.rowProblem = undefined;
    if (fields === 0) return this.reset();
    if (fields !== this.columns.length) {
      this.problem(line, undefined, t(`rækken har ${fields} felter, men overskriften har ${this.columns.length}`, `the row has ${fields} fields, but the header has ${this.columns.length}`), raw());
      return this.reset();
    }
    if (problem) {
      this.problem(line, problem.column, problem.message, raw());
      return this.reset();
    }
    const row: RespondentRow = {
      file: this.file,
      line,
      respondentId: this.fixed[0]!,
      questionnaireId: this.fixed[1]!,
      version: this.fixed[2]!,
      level: this.fixed[3]!,
      group: this.fixed[4]!,
      submittedAt: this.fixed[5]!,
      metaNames: this.metaNames,
      metaValues: this.meta,
      commentNames: this.commentNames,
      commentValues: this.comments,
      values: this.values,
      kinds: this.kinds,
      raw,
    };
    if (this.checkRespondent(row, raw)) {
      this.rows++;
      this.options.onRow(row);
    }
    this.reset();
  }

  private reset(): void {
    this.values.fill(NaN);
    this.kinds.fill(AnswerKind.Empty);
  }

  private readHeader(line: number): void {
    this.header = false;
    this.columns = this.headerCells.map((c) => c.trim());
    const n = this.columns.length;
    this.itemOf = new Int32Array(n).fill(-1);
    this.fixedOf = new Int8Array(n).fill(-1);
    this.metaOf = new Int32Array(n).fill(-1);
    this.commentOf = new Int32Array(n).fill(-1);
    const itemIndex = new Map(this.model.itemIds.map((id, i) => [id, i]));
    const elements = new Set(this.q.areas.flatMap((a) => a.elements.map((e) => e.id)));
    const seen = new Set<string>();
    let firstItem = -1;
    this.columns.forEach((name, col) => {
      if (seen.has(name)) this.fatal(line, name, t(`kolonnen "${name}" står to gange i overskriften`, `column "${name}" appears twice in the header`));
      seen.add(name);
      const item = itemIndex.get(name);
      if (item !== undefined) {
        this.itemOf[col] = item;
        if (firstItem < 0) firstItem = col;
      } else if (FIXED_INDEX.has(name)) this.fixedOf[col] = FIXED_INDEX.get(name)!;
      else if (name.startsWith(COMMENT_PREFIX)) {
        if (!elements.has(name.slice(COMMENT_PREFIX.length))) this.fatal(line, name, t(`"${name}" er en kommentar til et element, som ${this.q.id} ikke har`, `"${name}" is a comment on an element ${this.q.id} does not have`));
        this.commentOf[col] = this.commentNames.length;
        this.commentNames.push(name);
      } else if (firstItem >= 0) {
        this.fatal(line, name, t(`"${name}" er ikke et spørgsmål i ${this.q.id} ${this.q.version} (metadatakolonner skal stå før spørgsmålene)`, `"${name}" is not an item of ${this.q.id} ${this.q.version} (metadata columns must come before the items)`));
      } else {
        this.metaOf[col] = this.metaNames.length;
        this.metaNames.push(name);
      }
    });
    // formatOfHeader has already seen the six fixed columns; this guards a header only the scanner splits differently.
    const missing = FIXED_COLUMNS.filter((name) => !seen.has(name));
    if (missing.length > 0) this.fatal(line, undefined, t(`overskriften mangler ${missing.join(", ")}`, `the header lacks ${missing.join(", ")}`));
    this.meta = this.metaNames.map(() => "");
    this.comments = this.commentNames.map(() => "");
    this.reset();
  }
}

/** The long format: respondent_id,item_id,value plus metadata repeated; a respondent's rows must be together. */
class LongSink extends BaseSink {
  private cells: string[] = [];
  private current: { id: string; line: number; fields: Map<string, string>; raw: string[]; bad: boolean } | undefined;
  private readonly done = new Set<string>();
  private readonly values: Float64Array;
  private readonly kinds: Uint8Array;
  private readonly itemIndex: Map<string, number>;

  constructor(file: string, q: Questionnaire, model: ScoringModel, options: ReadOptions) {
    super(file, q, model, options);
    this.values = new Float64Array(model.itemIds.length).fill(NaN);
    this.kinds = new Uint8Array(model.itemIds.length);
    this.itemIndex = new Map(model.itemIds.map((id, i) => [id, i]));
  }

  field(col: number, buf: string, start: number, end: number): void {
    this.cells[col] = buf.slice(start, end);
  }

  quoted(col: number, value: string): void {
    this.cells[col] = value;
  }

  record(fields: number, line: number, buf: string, start: number, end: number): void {
    const cells = this.cells;
    this.cells = [];
    if (fields === 0) return;
    if (this.header) {
      this.header = false;
      this.columns = cells.map((c) => c.trim());
      const missing = ["respondent_id", "item_id", "value", "level"].filter((c) => !this.columns.includes(c));
      if (missing.length > 0) this.fatal(line, undefined, t(`overskriften i langt format mangler ${missing.join(", ")}`, `the long-format header lacks ${missing.join(", ")}`));
      return;
    }
    const raw = buf.slice(start, end).replace(/\r?\n$/, "");
    if (fields !== this.columns.length) {
      this.problem(line, undefined, t(`rækken har ${fields} felter, men overskriften har ${this.columns.length}`, `the row has ${fields} fields, but the header has ${this.columns.length}`), raw);
      if (this.current && this.current.id === cells[this.columns.indexOf("respondent_id")]) this.current.bad = true;
      return;
    }
    const get = (name: string) => cells[this.columns.indexOf(name)] ?? "";
    const id = get("respondent_id");
    if (this.current?.id !== id) {
      this.flush();
      if (this.done.has(id)) {
        this.fatal(line, "respondent_id", t(`rækkerne for "${id}" står ikke samlet; sortér filen efter respondent_id`, `the rows for "${id}" are not together; sort the file by respondent_id`));
      }
      this.current = { id, line, fields: new Map(this.columns.map((c, i) => [c, cells[i]!])), raw: [], bad: false };
    }
    const current = this.current!;
    current.raw.push(raw);
    if (current.bad) return;
    const itemId = get("item_id");
    const item = this.itemIndex.get(itemId);
    const fail = (column: string, message: Text) => {
      this.problem(line, column, message, raw);
      current.bad = true;
    };
    if (item === undefined) return fail("item_id", t(`"${itemId}" er ikke et spørgsmål i ${this.q.id} ${this.q.version}`, `"${itemId}" is not an item of ${this.q.id} ${this.q.version}`));
    for (const column of this.columns) {
      if (column !== "item_id" && column !== "value" && !column.startsWith(COMMENT_PREFIX) && current.fields.get(column) !== get(column)) {
        return fail(column, t(`"${column}" skifter værdi inden for samme respondent`, `"${column}" changes value within one respondent`));
      }
    }
    const problem = this.parseAnswer(item, get("value"), this.values, this.kinds);
    if (problem) fail("value", problem);
  }

  private flush(): void {
    const current = this.current;
    if (!current) return;
    this.done.add(current.id);
    if (!current.bad) {
      const f = current.fields;
      const reserved = new Set(["respondent_id", "item_id", "value", ...FIXED_COLUMNS]);
      const meta = namesAndValues([...f].filter(([name]) => !reserved.has(name) && !name.startsWith(COMMENT_PREFIX)));
      const comments = namesAndValues([...f].filter(([name]) => name.startsWith(COMMENT_PREFIX)));
      const raw = () => current.raw.join("\n");
      const row: RespondentRow = {
        file: this.file,
        line: current.line,
        respondentId: current.id,
        questionnaireId: f.get("questionnaire_id") ?? this.q.id,
        version: f.get("questionnaire_version") ?? this.q.version,
        level: f.get("level") ?? "",
        group: f.get("group") ?? "",
        submittedAt: f.get("submitted_at") ?? "",
        metaNames: meta.names,
        metaValues: meta.values,
        commentNames: comments.names,
        commentValues: comments.values,
        values: this.values,
        kinds: this.kinds,
        raw,
      };
      if (this.checkRespondent(row, raw)) {
        this.rows++;
        this.options.onRow(row);
      }
    }
    this.values.fill(NaN);
    this.kinds.fill(AnswerKind.Empty);
    this.current = undefined;
  }

  override finish(): void {
    this.flush();
  }
}
