// Room adapters/csv/ — reading and writing CSV: the streaming scanner, the response reader (wide and long sinks), response-file headers, table and cell writers.
/** What the wide and the long reader share: the row checks of SPEC §3 and parsing one answer cell. */
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { danishDate, dontKnowNames, fold, levelNames, looksIso, nearest, Quirk, QUIRKS, sameVersion } from "../../core/responses/excel-cells.ts";
import { AnswerKind } from "../../core/scoring/item-stats.ts";
import type { ScoringModel } from "../../core/scoring/scoring.ts";
import { t, type Text } from "../../core/text.ts";
import type { CsvSink } from "./csv-scan.ts";
import { bytesDecoder, type Encoding } from "../files/text-source.ts";
import { FileProblem, type ReadOptions, type RespondentRow } from "./respondent-row.ts";


export abstract class BaseSink implements CsvSink {
  columns: string[] = [];
  rows = 0;
  protected header = true;
  protected headerCells: string[] = [];
  /** The lenient readings (Quirk bits) of the row being read; cleared with the row. */
  protected quirks = 0;

  constructor(
    protected readonly file: string,
    protected readonly q: Questionnaire,
    protected readonly model: ScoringModel,
    protected readonly options: ReadOptions,
  ) {}

  /**
   * Set when the text scanned is the file's bytes read as Latin-1, a character per byte: such a
   * string is built and scanned in half the time of decoded UTF-8 with any non-ASCII character
   * in it (measured on 1 MB ranges of an export with Danish comments). The structure of the file
   * is all ASCII, so it scans the same; a cell with a byte over 127 is decoded here, and as an
   * invalid sequence ends at the next ASCII byte, it decodes as in the whole text.
   */
  private bytesAs: ((bytes: Uint8Array) => string) | undefined;

  /** From now on the text scanned is bytes read as Latin-1 (see `bytesAs`) of a file in `encoding`. */
  readBytes(encoding: Encoding): void {
    this.bytesAs = bytesDecoder(encoding, { ignoreBOM: true });
  }

  /** A cell as the file's encoding gives it. */
  protected decoded(s: string): string {
    const bytesAs = this.bytesAs;
    if (bytesAs === undefined) return s;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return bytesAs(Buffer.from(s, "latin1"));
    return s;
  }

  columnName(col: number): string | undefined {
    return this.columns[col] ?? this.headerCells[col];
  }

  abstract field(col: number, buf: string, start: number, end: number, wide: boolean): void;
  abstract quoted(col: number, value: string): void;
  abstract record(fields: number, line: number, buf: string, start: number, end: number): void;

  finish(): void {}

  protected problem(line: number, column: string | undefined, message: Text, raw?: string): void {
    this.options.onProblem({ file: this.file, line, ...(column !== undefined ? { column } : {}), message, ...(raw !== undefined ? { raw } : {}) });
  }

  protected fatal(line: number, column: string | undefined, message: Text): never {
    throw new FileProblem({ file: this.file, line, ...(column !== undefined ? { column } : {}), message });
  }

  protected notice(line: number, quirk: Quirk, column?: string): void {
    this.options.onNotice?.({ file: this.file, line, quirk, ...(column !== undefined ? { column } : {}) });
  }

  /** A row that holds only separators (and quotes or blanks), as Excel leaves below the data. */
  protected static onlySeparators(raw: string): boolean {
    return /^[\s;,"]*$/.test(raw);
  }

  /** The row's fields read as Excel meant them (SPEC §5); only called after the exact reading failed. */
  private lenientVersion(row: RespondentRow): boolean {
    if (!sameVersion(row.version, this.q.version)) return false;
    row.version = this.q.version;
    this.quirks |= Quirk.Version;
    return true;
  }

  private levels: Map<string, string> | undefined;
  private lenientLevel(row: RespondentRow): boolean {
    const id = (this.levels ??= levelNames(this.q)).get(fold(row.level));
    if (id === undefined) return false;
    row.level = id;
    this.quirks |= Quirk.Level;
    return true;
  }

  /** A row that fails a check of checkRespondent: reported with its text, not handed on. */
  private fail(row: RespondentRow, column: string, message: Text): false {
    this.problem(row.line, column, message, row.raw());
    return false;
  }

  protected checkRespondent(row: RespondentRow): boolean {
    if (!row.respondentId.trim()) return this.fail(row, "respondent_id", t("mangler respondent_id", "respondent_id is missing"));
    if (row.questionnaireId !== this.q.id) {
      return this.fail(row, "questionnaire_id", t(`rækken er til spørgeskemaet "${row.questionnaireId}", ikke "${this.q.id}"`, `the row is for questionnaire "${row.questionnaireId}", not "${this.q.id}"`));
    }
    if (row.version !== this.q.version && !this.lenientVersion(row)) {
      return this.fail(row, "questionnaire_version", t(`rækken er til version "${row.version}", men spørgeskemaet er version "${this.q.version}"`, `the row is for version "${row.version}", but the questionnaire is version "${this.q.version}"`));
    }
    if (!this.model.plans.has(row.level) && !this.lenientLevel(row)) {
      const ids = this.q.levels.map((l) => l.id);
      if (!row.level.trim()) return this.fail(row, "level", t(`mangler niveau (kendte: ${ids.join(", ")})`, `level is missing (known: ${ids.join(", ")})`));
      const guess = nearest(row.level, [...ids, ...this.q.levels.map((l) => l.label)]);
      const meant = guess === undefined ? undefined : this.levels!.get(fold(guess));
      return this.fail(row, "level", t(
        `ukendt niveau "${row.level}"${meant ? ` — mente du ${meant}?` : ""} (kendte: ${ids.join(", ")})`,
        `unknown level "${row.level}"${meant ? ` — did you mean ${meant}?` : ""} (known: ${ids.join(", ")})`,
      ));
    }
    if (!looksIso(row.submittedAt) && row.submittedAt !== "") {
      const iso = danishDate(row.submittedAt);
      if (iso !== undefined) {
        row.submittedAt = iso;
        this.quirks |= Quirk.Date;
      }
    }
    if (this.answered < 0 || this.answeredOf(row.level, row.kinds) !== this.answered) {
      for (const i of this.notPresentedTo(row.level)) {
        if (row.kinds[i] !== AnswerKind.Empty) {
          return this.fail(row, this.model.itemIds[i]!, t(`spørgsmålet stilles ikke til niveauet "${row.level}", men har et svar`, `the item is not presented to level "${row.level}" but has an answer`));
        }
      }
    }
    if (this.quirks !== 0) {
      for (const quirk of QUIRKS) if (this.quirks & quirk) this.notice(row.line, quirk);
      this.quirks = 0;
    }
    return true;
  }

  /**
   * The answered cells of the row being read, when the sink counts them (-1 when it does not). Never
   * too few: when as many of the level's own items are answered, no other item is, and the loop over
   * the items not presented to the level (four in five, in the bundled questionnaire) is skipped.
   */
  protected answered = -1;

  private answeredOf(level: string, kinds: Uint8Array): number {
    const items = this.model.plans.get(level)!.items;
    let n = 0;
    for (let k = 0; k < items.length; k++) if (kinds[items[k]!] !== AnswerKind.Empty) n++;
    return n;
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

  private dontKnow: Set<string> | undefined;

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
    if (cell === "NA") {
      // R's write.csv writes a missing value as NA unless told na = "".
      values[item] = NaN;
      kinds[item] = AnswerKind.Empty;
      this.quirks |= Quirk.RMissing;
      return undefined;
    }
    if (this.q.scale.dont_know !== undefined && (this.dontKnow ??= dontKnowNames(this.q)).has(fold(cell))) {
      values[item] = NaN;
      kinds[item] = AnswerKind.DontKnow;
      this.quirks |= Quirk.DontKnow;
      return undefined;
    }
    const allowed = `${min}-${max}${this.q.scale.dont_know !== undefined ? ", ved_ikke" : ""}`;
    return t(`"${cell}" er ikke et gyldigt svar (tilladt: ${allowed} eller tom)`, `"${cell}" is not a valid answer (allowed: ${allowed} or empty)`);
  }
}
