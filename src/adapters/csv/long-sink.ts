import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { AnswerKind } from "../../core/scoring/item-stats.ts";
import { COMMENT_PREFIX } from "../../core/responses/responses.ts";
import { FIXED_COLUMNS } from "../../core/questionnaire/rules.ts";
import type { ScoringModel } from "../../core/scoring/scoring.ts";
import { t, type Text } from "../../core/text.ts";
import { Quirk } from "../../core/responses/excel-cells.ts";
import { BaseSink } from "./base-sink.ts";
import type { ReadOptions, RespondentRow } from "./respondent-row.ts";

const namesAndValues = (entries: [string, string][]) => ({ names: entries.map(([name]) => name), values: entries.map(([, value]) => value) });

/** The long format: respondent_id,item_id,value plus metadata repeated; a respondent's rows must be together. */
export class LongSink extends BaseSink {
  private cells: string[] = [];
  private current: { id: string; line: number; fields: Map<string, string>; comments: Map<string, string>; raw: string[]; bad: boolean } | undefined;
  /** `comment.<element>` ids a row's item_id may name: a comment row, as `convert --to long` writes them. */
  private readonly commentIds: Set<string>;
  private readonly done = new Set<string>();
  private readonly values: Float64Array;
  private readonly kinds: Uint8Array;
  private readonly itemIndex: Map<string, number>;

  constructor(file: string, q: Questionnaire, model: ScoringModel, options: ReadOptions) {
    super(file, q, model, options);
    this.values = new Float64Array(model.itemIds.length).fill(NaN);
    this.kinds = new Uint8Array(model.itemIds.length);
    this.itemIndex = new Map(model.itemIds.map((id, i) => [id, i]));
    this.commentIds = new Set(q.areas.flatMap((a) => a.elements.map((e) => `${COMMENT_PREFIX}${e.id}`)));
  }

  field(col: number, buf: string, start: number, end: number, wide: boolean): void {
    this.cells[col] = wide ? this.decoded(buf.slice(start, end)) : buf.slice(start, end);
  }

  quoted(col: number, value: string): void {
    this.cells[col] = this.decoded(value);
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
    const raw = this.decoded(buf.slice(start, end)).replace(/\r?\n$/, "");
    if (BaseSink.onlySeparators(raw)) return this.notice(line, Quirk.Separators);
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
      this.current = { id, line, fields: new Map(this.columns.map((c, i) => [c, cells[i]!])), comments: new Map(), raw: [], bad: false };
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
    const comment = item === undefined && this.commentIds.has(itemId);
    if (item === undefined && !comment) return fail("item_id", t(`"${itemId}" er ikke et spørgsmål i ${this.q.id} ${this.q.version}`, `"${itemId}" is not an item of ${this.q.id} ${this.q.version}`));
    for (const column of this.columns) {
      if (column !== "item_id" && column !== "value" && !column.startsWith(COMMENT_PREFIX) && current.fields.get(column) !== get(column)) {
        return fail(column, t(`"${column}" skifter værdi inden for samme respondent`, `"${column}" changes value within one respondent`));
      }
    }
    if (comment) return void current.comments.set(itemId, get("value"));
    const problem = this.parseAnswer(item!, get("value"), this.values, this.kinds);
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
      // Comments come as columns of the long header or as comment rows (item_id comment.<element>); a row wins.
      const fromColumns = [...f].filter(([name]) => name.startsWith(COMMENT_PREFIX) && !current.comments.has(name));
      const comments = namesAndValues([...fromColumns, ...current.comments]);
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
      if (this.checkRespondent(row)) {
        this.rows++;
        this.options.onRow(row);
      }
    }
    this.values.fill(NaN);
    this.kinds.fill(AnswerKind.Empty);
    this.quirks = 0;
    this.current = undefined;
  }

  override finish(): void {
    this.flush();
  }
}
