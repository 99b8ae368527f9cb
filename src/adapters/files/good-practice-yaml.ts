import { parse } from "yaml";
import { GoodPractice } from "../../core/questionnaire/good-practice.ts";

/** Good-practice texts from the bytes of their YAML file, validated (throws on a file that does not fit). */
export const parseGoodPractice = (bytes: Uint8Array): GoodPractice => GoodPractice.parse(parse(new TextDecoder("utf-8").decode(bytes)));
