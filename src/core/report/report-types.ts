/** The report model's shapes: everything the PDF and `report --csv` show, as the core computes it. */
import type { GoodPractice } from "../questionnaire/good-practice.ts";
import type { GroupItemCounts } from "../scoring/group-items.ts";
import type { GroupRow, GroupSummary } from "../scoring/group-summary.ts";
import type { LevelGrouping } from "../scoring/level-groups.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import type { ReportLabels } from "./report-text.ts";
import type { Lang } from "../text.ts";

export type FileProvenance = { name: string; sha256: string; rows: number };

/** Why a figure is hidden: its own group is too small, it protects a small one, or the level is not asked. */
export type Hidden = "small" | "complement" | "not_applicable" | undefined;
export type Cell = { score: number | null; band: string | null; n: number; suppressed: boolean; why: Hidden };
export type ReportGroup = { key: string; label: string; by: Record<string, string>; population: string; respondents: number; suppressed: boolean; why: Hidden };
export type Dimension = { id: string; label: string; kind: "element" | "area" | "total" };
export type Distribution = { group: string; label: string; population: string; suppressed: boolean; why: Hidden; n: number; counts: number[] | null; mean: number | null };

/** `levels`: the levels (labels) whose wording `text` is, when a breakdown pooling levels shows each wording apart; empty otherwise. */
export type ReportItem = { id: string; text: string; reverse: boolean; levels: string[]; distributions: Distribution[] };
export type Difference = { itemId: string; text: string; high: { label: string; mean: number }; low: { label: string; mean: number }; diff: number };
export type ReportElement = {
  id: string;
  label: string;
  areaLabel: string;
  definition: string | undefined;
  source: string | undefined;
  items: ReportItem[];
  differences: Difference[];
  advice: { label: string; text: string; source: string }[];
};

/** One row of `report --csv` for an item in a group: the audit trail of the PDF's distributions. */
export type ItemRow = { by: Record<string, string>; population: string; element: string; itemId: string; reverse: boolean; levels: string[]; total: boolean; n: number; mean: number | null; counts: number[] | null; suppressed: boolean };

/** Everything the PDF shows, computed and anonymised here, so the renderer only draws. */
export type Report = {
  lang: Lang;
  labels: ReportLabels;
  title: string;
  questionnaire: { id: string; version: string; hash: string };
  files: string[];
  /** The input files' names (never their folders), SHA-256 and data rows, for the colophon. */
  provenance: FileProvenance[];
  date: string;
  toolVersion: string;
  byColumns: string[];
  minGroupSize: number;
  /** Merged levels, as "Topledelse = Direktion / topledelse + Chefniveau", for the cover and method. */
  mergedLevels: string[];
  /** Every group, the leaders' first, then each mirror level's (never mixed into "Alle"). */
  groups: ReportGroup[];
  /** The leaders' total ("Alle"). */
  total: ReportGroup;
  dimensions: Dimension[];
  cells: Record<string, Record<string, Cell>>;
  chart: { groups: ReportGroup[]; omitted: number };
  scale: { labels: string[]; dontKnow: string | undefined };
  elements: ReportElement[];
  method: string[];
  /** The figures as rows for --csv, decided by the disclosure engine exactly as `score --by`. */
  rows: GroupRow[];
  itemRows: ItemRow[];
};

export type ReportInput = {
  q: Questionnaire;
  hash: string;
  lang: Lang;
  files: string[];
  provenance?: FileProvenance[];
  date: string;
  toolVersion: string;
  byColumns: string[];
  grouping: LevelGrouping;
  mirrorOrder: string[];
  groups: GroupSummary;
  /** Keyed by `groupKey(population, values)`. */
  itemCounts: GroupItemCounts;
  /** Per group and raw level (`levelKey`), for a breakdown not by level over items worded per level. */
  levelCounts?: GroupItemCounts | undefined;
  practice?: GoodPractice | undefined;
};

