import { z } from "zod";

const ID_PATTERN = /^[a-z0-9-]+$/;
const SOURCE_PATTERN = /^\d{3}:\d+(-\d+)?(; ?\d{3}:\d+(-\d+)?)*$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, { message: "id_pattern" })
  .meta({ description: "Lower-case ASCII id: a-z, 0-9 and '-' (æ→ae, ø→oe, å→aa)" });

export const SourceRef = z
  .string()
  .regex(SOURCE_PATTERN, { message: "source_pattern" })
  .meta({ description: 'Where in the sources the text is grounded: "000:1100-1132"' });

const NonEmpty = z.string().trim().min(1);

/** A text, or a map from level id (and/or `default`) to a level-specific text. */
export const LevelText = z
  .union([NonEmpty, z.record(z.string(), NonEmpty)])
  .meta({ description: "A text, or a map from level id and/or 'default' to a text" });
export type LevelText = z.infer<typeof LevelText>;

export const Item = z.object({
  id: Id,
  text: LevelText,
  text_en: LevelText.optional(),
  levels: z.array(Id).min(1).optional().meta({ description: "Levels the item is presented to; omitted = all" }),
  reverse: z.boolean().default(false).meta({ description: "Reverse-keyed: v' = min + max - v" }),
  source: SourceRef.optional(),
  mirror_of: Id.optional().meta({ description: "On an item of a mirror level: the self-rated item of the rated level it mirrors" }),
});
export type Item = z.infer<typeof Item>;

const described = {
  label: NonEmpty,
  label_en: NonEmpty.optional(),
  description: NonEmpty.optional(),
  description_en: NonEmpty.optional(),
  source: SourceRef.optional(),
};

export const Element = z.object({ id: Id, ...described, items: z.array(Item).min(1) });
export type Element = z.infer<typeof Element>;

export const Area = z.object({ id: Id, ...described, elements: z.array(Element).min(1) });
export type Area = z.infer<typeof Area>;

export const Level = z.object({
  id: Id,
  ...described,
  rates: Id.optional().meta({ description: "A mirror level: its respondents rate their nearest leader at this level (e.g. medarbejder rates teamleder)" }),
});
export type Level = z.infer<typeof Level>;

export const Scale = z.object({
  min: z.int(),
  max: z.int(),
  labels: z.record(z.string(), NonEmpty).meta({ description: "Label per scale value, e.g. { 1: Slet ikke }" }),
  labels_en: z.record(z.string(), NonEmpty).optional(),
  dont_know: NonEmpty.optional().meta({ description: "When present, respondents may answer 'don't know'" }),
  dont_know_en: NonEmpty.optional(),
});
export type Scale = z.infer<typeof Scale>;

export const Band = z.object({ min: z.number(), label: NonEmpty, label_en: NonEmpty.optional() });
export type Band = z.infer<typeof Band>;

const LineRange = z
  .string()
  .regex(/^\d+-\d+$/, { message: "range_pattern" })
  .meta({ description: 'Lines of the source file, e.g. "895-2096"' });

/** A bibliographic reference for one source file, so that "000:1514-1518" can be cited as author, year, title, section. */
export const SourceInfo = z.object({
  author: NonEmpty,
  year: z.union([z.int(), NonEmpty]),
  title: NonEmpty.meta({ description: "The full title" }),
  short: NonEmpty.optional().meta({ description: "The short title used in citations, e.g. 'Delrapport 1'" }),
  sections: z
    .array(z.object({ lines: LineRange, label: NonEmpty, label_en: NonEmpty.optional() }))
    .default([])
    .meta({ description: "Sections by line range; a citation names the narrowest section holding the cited lines" }),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const Questionnaire = z.object({
  id: Id,
  version: z.string().min(1).meta({ description: 'A string, e.g. "1.0"; recorded in every response row' }),
  title: NonEmpty,
  title_en: NonEmpty.optional(),
  description: NonEmpty.optional(),
  description_en: NonEmpty.optional(),
  scope: NonEmpty.optional().meta({ description: "The area of work the questionnaire is written for, e.g. 'Myndighed for børn og unge med særlige behov'" }),
  scope_en: NonEmpty.optional(),
  scope_note: NonEmpty.optional().meta({ description: "Shown with the scope: e.g. which questionnaire to use outside it" }),
  scope_note_en: NonEmpty.optional(),
  sources: z
    .record(z.string().regex(/^\d{3}$/, { message: "source_id_pattern" }), SourceInfo)
    .optional()
    .meta({ description: 'Bibliographic references by source file id ("000"), for citing item sources' }),
  language: z.enum(["da", "en"]).default("da"),
  scale: Scale,
  levels: z.array(Level).min(1),
  areas: z.array(Area).min(1),
  bands: z.array(Band).default([]),
  scoring: z
    .object({ min_answered: z.number().gt(0).lte(1).default(0.5) })
    .default({ min_answered: 0.5 }),
  anonymity: z
    .object({ min_group_size: z.int().min(1).default(5) })
    .default({ min_group_size: 5 }),
});
/** The normalised questionnaire that code sees (defaults filled in). */
export type Questionnaire = z.infer<typeof Questionnaire>;
/** What authors write. */
export type QuestionnaireInput = z.input<typeof Questionnaire>;
