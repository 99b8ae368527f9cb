import { Command, Option } from "commander";
import { toolVersion } from "../adapters/files/bundled.ts";
import { examples, helpIn } from "./help-text.ts";
import type { Io } from "./io.ts";

/** Each command action returns its exit code; main() alone turns it into the process's. */
export type Run = (action: () => Promise<number>) => Promise<void>;

export function buildProgram(io: Io, run: Run): Command {
  const da = io.lang === "da";
  const d = (dk: string, en: string) => (da ? dk : en);
  const program = new Command("ledelsestjek");
  program
    .description(d(
      "Selvevaluering af faglig ledelse og ledelsesinformation i kommuner.",
      "Self-evaluation of professional leadership and management information in Danish municipalities.",
    ))
    .version(toolVersion(), "-V, --version", d("vis versionen", "show the version"))
    .helpOption("-h, --help", d("vis hjælp", "show help"))
    .helpCommand(d("help [kommando]", "help [command]"), d("vis hjælp til en kommando", "show help for a command"))
    .addOption(new Option(d("--lang <sprog>", "--lang <language>"), d("sprog for tekster: da eller en", "language of texts: da or en")).choices(["da", "en"]).default("da"))
    .option("--debug", d("vis tekniske detaljer (stakspor) ved fejl", "show technical details (stack traces) on errors"))
    .configureHelp(helpIn(io.lang))
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: () => undefined, outputError: () => undefined })
    .exitOverride()
    .addHelpText("after", examples([
      "ledelsestjek run",
      "ledelsestjek list",
      "ledelsestjek show --level teamleder",
      "ledelsestjek validate mit-skema.yaml",
      "ledelsestjek score besvarelser.csv --by level",
    ], io.lang));

  const sub = (name: string, description: string) =>
    program.command(name).description(description).helpOption("-h, --help", d("vis hjælp", "show help"));

  /** The options of every command that reads response files. */
  const dataCommand = (name: string, description: string, long = true) => {
    const command = sub(name, description)
      .argument(d("<filer...>", "<files...>"), d("CSV-filer med besvarelser, bredt eller langt format (genkendes på overskriften)", "CSV files with responses, wide or long format (recognised by the header)"))
      .option(d("--questionnaire <spørgeskema>", "--questionnaire <questionnaire>"), d("indbygget id eller YAML-fil (standard: det, filerne nævner, ellers faglig-ledelse)", "bundled id or YAML file (default: the one the files name, else faglig-ledelse)"));
    if (long) command.option("--long", d("unødvendig: formatet genkendes på overskriften (accepteres af hensyn til gamle scripts)", "not needed: the format is recognised by the header (accepted for old scripts)"));
    return command
      .option("--lenient", d("spring fejlbehæftede rækker over (de listes og gemmes i --rejects)", "skip bad rows (they are listed and saved to --rejects)"))
      .option(d("--rejects <fil>", "--rejects <file>"), d("hvor --lenient gemmer de oversprungne rækker", "where --lenient saves the skipped rows"), "afviste-raekker.csv")
      .addHelpText("after", d(
        "\nStore brede filer (over 64 MB) læses med alle kerner; resultatet er det samme,\nbyte for byte. LEDELSESTJEK_THREADS=1 læser i én tråd.",
        "\nLarge wide files (over 64 MB) are read with every core; the result is the same,\nbyte for byte. LEDELSESTJEK_THREADS=1 reads in one thread.",
      ));
  };

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const mergeLevels = (command: Command) =>
    command.option(d("--merge-levels <A+B[=navn]>", "--merge-levels <A+B[=name]>"), d(
      "læg niveauer sammen i opdelinger efter niveau, fx direktion+chef=Topledelse (kan gentages)",
      "merge levels in breakdowns by level, e.g. direktion+chef=Topledelse (repeatable)",
    ), collect);

  sub("list", d("vis de indbyggede spørgeskemaer", "list the bundled questionnaires"))
    .option("--json", d("skriv JSON", "write JSON"))
    .addHelpText("after", examples(["ledelsestjek list", "ledelsestjek list --json"], io.lang))
    .action((opts) => run(async () => (await import("./commands/list.ts")).list(opts, io)));

  sub("show", d("vis et spørgeskemas opbygning", "show a questionnaire's structure"))
    .argument(d("[spørgeskema]", "[questionnaire]"), d("indbygget id eller sti til YAML-fil (standard: faglig-ledelse)", "bundled id or path to a YAML file (default: faglig-ledelse)"))
    .option(d("--level <niveau>", "--level <level>"), d("kun spørgsmålene til dette ledelsesniveau", "only the items for this leadership level"))
    .option("--json", d("skriv JSON", "write JSON"))
    .addHelpText("after", examples(["ledelsestjek show", "ledelsestjek show --level teamleder", "ledelsestjek show faglige-ledelsesopgaver --json"], io.lang))
    .action((questionnaire, opts) => run(async () => (await import("./commands/show.ts")).show({ ...opts, questionnaire }, io)));

  sub("codebook", d("kodebog til den brede CSV-fil, og syntaks til SPSS/PSPP, R og Stata", "codebook of the wide CSV file, and syntax for SPSS/PSPP, R and Stata"))
    .argument(d("[spørgeskema]", "[questionnaire]"), d("indbygget id eller sti til YAML-fil (standard: det, --data er fra, ellers faglig-ledelse)", "bundled id or path to a YAML file (default: the one --data is from, else faglig-ledelse)"))
    .option("--format <md|csv|sps|r|do>", d("md (standard), csv, sps (SPSS/PSPP), r eller do (Stata)", "md (default), csv, sps (SPSS/PSPP), r or do (Stata)"))
    .option(d("--data <fil>", "--data <file>"), d("CSV-filen, syntaksen læser; findes den, følger kolonnerne dens overskrift (standard: besvarelser.csv)", "the CSV file the syntax reads; if it exists, the columns follow its header (default: besvarelser.csv)"))
    .option(d("--out <fil>", "--out <file>"), d("skriv til en fil i stedet for standard output", "write to a file instead of standard output"))
    .addHelpText("after", examples(["ledelsestjek codebook", "ledelsestjek codebook --format sps --data besvarelser.csv --out besvarelser.sps", "ledelsestjek codebook faglige-ledelsesopgaver --format r --out besvarelser.R", "ledelsestjek codebook --format do --data samlet.csv --out samlet.do"], io.lang))
    .action((questionnaire, opts) => run(async () => (await import("./commands/codebook.ts")).codebook({ ...opts, questionnaire }, io)));

  sub("validate", d("kontrollér spørgeskemafiler", "check questionnaire files"))
    .argument(d("<filer...>", "<files...>"), d("YAML-filer", "YAML files"))
    .addHelpText("after", examples(["ledelsestjek validate mit-skema.yaml", "ledelsestjek validate questionnaires/*.yaml"], io.lang))
    .action((files) => run(async () => (await import("./commands/validate.ts")).validate({ files }, io)));

  sub("run", d("selvevaluering i terminalen; gemmer én række i en CSV-fil", "self-evaluation in the terminal; saves one row to a CSV file"))
    .argument(d("[spørgeskema]", "[questionnaire]"), d("indbygget id eller sti til YAML-fil (standard: faglig-ledelse)", "bundled id or path to a YAML file (default: faglig-ledelse)"))
    .option(d("--level <niveau>", "--level <level>"), d("dit ledelsesniveau (ellers spørges du)", "your leadership level (asked otherwise)"))
    .option(d("--group <gruppe>", "--group <group>"), d("gruppe, enhed eller workshop, som besvarelsen hører til", "group, unit or workshop the response belongs to"))
    .option("--respondent <id>", d("pseudonym for besvarelsen (standard: tilfældigt)", "pseudonym for the response (default: random)"))
    .option(d("--out <fil.csv>", "--out <file.csv>"), d("CSV-fil, som besvarelsen føjes til", "CSV file the response is appended to"), "besvarelser.csv")
    .option(d("--answers <fil>", "--answers <file>"), d("svar fra en YAML/JSON-fil i stedet for spørgsmål (kræver --level)", "answers from a YAML/JSON file instead of prompts (needs --level)"))
    .addHelpText("after", examples([
      "ledelsestjek run",
      "ledelsestjek run --level teamleder --group \"Team Nord\"",
      "ledelsestjek run --out workshop.csv --respondent deltager-07",
      "ledelsestjek run --level chef --answers mine-svar.yaml",
    ], io.lang))
    .action((questionnaire, opts) => run(async () => (await import("./commands/run.ts")).run({ ...opts, questionnaire }, io)));

  mergeLevels(dataCommand("score", d("scor besvarelser fra CSV-filer: pr. respondent, pr. gruppe eller pr. spørgsmål", "score responses from CSV files: per respondent, per group or per item")))
    .option(d("--by <kolonner>", "--by <columns>"), d("gruppér efter kolonner, fx level eller level,kommune", "group by columns, e.g. level or level,kommune"))
    .option("--item-stats", d("statistik pr. spørgsmål og niveau, med Cronbachs alfa pr. element", "statistics per item and level, with Cronbach's alpha per element"))
    .option("--format <csv|json>", d("uddataformat", "output format"), "csv")
    .option(d("--out <fil>", "--out <file>"), d("skriv til en fil i stedet for standard output", "write to a file instead of standard output"))
    .option("--excel", d("CSV til dansk Excel: semikolon, decimalkomma og BOM", "CSV for Danish Excel: semicolons, decimal commas and a BOM"))
    .addHelpText("after", examples([
      "ledelsestjek score besvarelser.csv",
      "ledelsestjek score besvarelser.csv --by level --excel --out niveauer.csv",
      "ledelsestjek score runde1.csv runde2.csv --by level,kommune --format json",
      "ledelsestjek score eksport.csv --item-stats --out spoergsmaal.csv",
      "ledelsestjek score lang.csv --lenient",
      "ledelsestjek score besvarelser.csv --by level --merge-levels direktion+chef=Topledelse",
    ], io.lang))
    .action((files, opts) => run(async () => (await import("./commands/score.ts")).score({ ...opts, files }, io)));

  mergeLevels(dataCommand("report", d("PDF-rapport med figurer (og tallene som CSV)", "PDF report with charts (and its figures as CSV)")))
    .option(d("--by <kolonner>", "--by <columns>"), d("sammenlign grupper, fx level eller group", "compare groups, e.g. level or group"))
    .option(d("--out <fil.pdf>", "--out <file.pdf>"), d("PDF-filen, der skrives", "the PDF file to write"))
    .option(d("--csv <fil.csv>", "--csv <file.csv>"), d("skriv også rapportens tal som CSV", "also write the report's figures as CSV"))
    .option("--force", d("overskriv eksisterende filer", "overwrite existing files"))
    .option(d("--title <navn>", "--title <name>"), d("forsidens titel, fx workshoppens eller kommunens navn", "the cover's title, e.g. the workshop's or municipality's name"))
    .option("--comments", d("tag kommentarerne med (kun for grupper over anonymitetsgrænsen, uden navn)", "include the comments (only for groups above the anonymity threshold, unattributed)"))
    .option("--slides", d("skriv overblik, heatmap og forskelle som 16:9-dias til projektoren", "write the summary, heatmap and gaps as 16:9 slides for the projector"))
    .addHelpText("after", examples([
      "ledelsestjek report besvarelser.csv --by level --out rapport.pdf",
      "ledelsestjek report workshop.csv --by group --out workshop.pdf --csv workshop-tal.csv",
      "SOURCE_DATE_EPOCH=1767225600 ledelsestjek report data.csv --out samme-bytes.pdf",
    ], io.lang))
    .action((files, opts) => run(async () => (await import("./commands/report.ts")).report({ ...opts, files }, io)));

  mergeLevels(dataCommand("gaps", d("forskelle mellem niveauer eller grupper pr. element og spørgsmål (og spejl mod selvvurdering)", "differences between levels or groups per element and item (and mirror against self-rating)")))
    .option(d("--between <kolonne>", "--between <column>"), d("kolonnen, der sammenlignes på", "the column to compare on"), "level")
    .option(d("--threshold <point>", "--threshold <points>"), d("markér forskelle på mindst så mange point (0-100)", "flag differences of at least this many points (0-100)"), "20")
    .option("--format <csv|json>", d("uddataformat", "output format"), "csv")
    .option(d("--out <fil>", "--out <file>"), d("skriv til en fil i stedet for standard output", "write to a file instead of standard output"))
    .option("--excel", d("CSV til dansk Excel: semikolon, decimalkomma og BOM", "CSV for Danish Excel: semicolons, decimal commas and a BOM"))
    .addHelpText("after", examples([
      "ledelsestjek gaps besvarelser.csv",
      "ledelsestjek gaps besvarelser.csv --merge-levels direktion+chef=Topledelse --threshold 15",
      "ledelsestjek gaps eksport.csv --between forvaltning --format json --out forskelle.json",
    ], io.lang))
    .action((files, opts) => run(async () => (await import("./commands/gaps.ts")).gaps({ ...opts, files }, io)));

  dataCommand("convert", d("omskriv besvarelser mellem bredt og langt format", "convert responses between the wide and the long format"), false)
    .requiredOption("--to <long|wide>", d("formatet, der skrives", "the format to write"))
    .option(d("--out <fil>", "--out <file>"), d("skriv til en fil i stedet for standard output", "write to a file instead of standard output"))
    .option("--excel", d("CSV til dansk Excel: semikolon, decimalkomma og BOM", "CSV for Danish Excel: semicolons, decimal commas and a BOM"))
    .addHelpText("after", examples([
      "ledelsestjek convert besvarelser.csv --to long --out lang.csv",
      "ledelsestjek convert lang.csv --to wide --excel --out til-excel.csv",
      "ledelsestjek convert lang.csv --to wide --questionnaire faglig-ledelse --out bred.csv",
    ], io.lang))
    .action((files, opts) => run(async () => (await import("./commands/convert.ts")).convert({ ...opts, files }, io)));

  // --- workshop (SPEC §6): one self-contained block ---
  const workshop = sub("workshop", d("workshop med mange deltagere: mappe, lokal webserver til telefoner, skiftevis i terminalen", "workshop with many participants: folder, local web server for phones, turns in the terminal"))
    .addHelpText("after", examples([
      "ledelsestjek workshop new ws --title \"Ledelseskæden i Børn og Familie\"",
      "ledelsestjek workshop serve ws",
      "ledelsestjek workshop answer ws",
    ], io.lang));
  const wsSub = (name: string, description: string) => workshop.command(name).description(description).helpOption("-h, --help", d("vis hjælp", "show help"));
  wsSub("new", d("opret en workshopmappe (workshop.yaml, skema.yaml, besvarelser.csv, fremdrift/)", "create a workshop folder (workshop.yaml, skema.yaml, besvarelser.csv, fremdrift/)"))
    .argument(d("<mappe>", "<folder>"), d("en ny eller tom mappe", "a new or empty folder"))
    .argument(d("[spørgeskema]", "[questionnaire]"), d("indbygget id eller YAML-fil (standard: faglig-ledelse)", "bundled id or YAML file (default: faglig-ledelse)"))
    .option(d("--title <titel>", "--title <title>"), d("workshoppens titel", "the workshop's title"))
    .option(d("--k <antal>", "--k <number>"), d("mindste gruppestørrelse, der vises (standard: spørgeskemaets)", "smallest group size shown (default: the questionnaire's)"))
    .option(d("--merge-levels <A+B[=navn]>", "--merge-levels <A+B[=name]>"), d("vis to eller flere niveauer som én gruppe (kan gentages)", "show two or more levels as one group (repeatable)"), collect)
    .option(d("--max-participants <antal>", "--max-participants <number>"), d("højst så mange deltagere på webserveren (standard 100)", "at most this many participants on the web server (default 100)"))
    .option("--deltagere <NIVEAU=ANTAL,…>", d("forventet antal deltagere pr. niveau; et fyldt niveau tager ikke imod flere", "(Danish name of --expect)"))
    .option("--expect <LEVEL=N,…>", d("(engelsk navn for --deltagere)", "expected participants per level; a full level takes no more"))
    .addHelpText("after", examples([
      "ledelsestjek workshop new ws --title \"Ledelseskæden\"",
      "ledelsestjek workshop new ws --title Ledelsesdag --deltagere direktion=3,chef=6,teamleder=14",
      "ledelsestjek workshop new ws faglige-ledelsesopgaver --title Ledelsesdag --k 4",
      "ledelsestjek workshop new ws --title Direktionsdag --merge-levels direktion+chef=Topledelse",
      "ledelsestjek workshop new ws --title \"Leadership day\" --lang en",
    ], io.lang))
    .action((dir, questionnaire, opts) => run(async () => (await import("./commands/workshop/new.ts")).workshopNew({ ...opts, expect: opts.deltagere ?? opts.expect, dir, questionnaire }, io)));
  wsSub("serve", d("lokal webserver: deltagerne svarer fra deres telefon", "local web server: participants answer from their phones"))
    .argument(d("<mappe>", "<folder>"), d("workshopmappen", "the workshop folder"))
    .option("--port <port>", d("port (standard 8080; 0 = en ledig)", "port (default 8080; 0 = any free one)"))
    .option(d("--host <adresse>", "--host <address>"), d("adresse at lytte på (standard 0.0.0.0 = alle netværk; 127.0.0.1 = kun denne computer)", "address to listen on (default 0.0.0.0 = every network; 127.0.0.1 = this computer only)"))
    .option("--json", d("skriv adresserne som én linje JSON, når serveren lytter", "print the addresses as one line of JSON once listening"))
    .addHelpText("after", examples([
      "ledelsestjek workshop serve ws",
      "ledelsestjek workshop serve ws --host 127.0.0.1 --port 3000",
      "ledelsestjek workshop serve ws --port 0 --json",
    ], io.lang))
    .action((dir, opts) => run(async () => (await import("./commands/workshop/serve.ts")).workshopServe({ ...opts, dir }, io)));
  wsSub("answer", d("deltagerne svarer på skift ved denne computer (terminalen)", "participants take turns at this computer (the terminal)"))
    .argument(d("<mappe>", "<folder>"), d("workshopmappen", "the workshop folder"))
    .addHelpText("after", examples(["ledelsestjek workshop answer ws"], io.lang))
    .action((dir) => run(async () => (await import("./commands/workshop/answer.ts")).workshopAnswer({ dir }, io)));
  // --- workshop, part 2 (issue 12): the room, consensus and afterwards ---
  wsSub("status", d("rummets overblik i terminalen: deltagelse, pr. element pr. niveau som søjler, flag", "the room's overview in the terminal: participation, per element per level as bars, flags"))
    .argument(d("<mappe>", "<folder>"), d("workshopmappen", "the workshop folder"))
    .option("--element <id>", d("kun dette element (vis ét ad gangen)", "only this element (reveal one at a time)"))
    .option("--all", d("også elementer, rummet ikke har set endnu (kun til konsulenten, ikke til projektoren)", "also elements the room has not seen yet (for the consultant only, not for the projector)"))
    .addHelpText("after", examples(["ledelsestjek workshop status ws", "ledelsestjek workshop status ws --element saette-retningen", "ledelsestjek workshop status ws --all"], io.lang))
    .action((dir, opts) => run(async () => (await import("./commands/workshop/status.ts")).workshopStatus({ ...opts, dir }, io)));
  wsSub("agree", d("gem konsensus fra en YAML- eller JSON-fil (konsensus.yaml's form)", "record the consensus from a YAML or JSON file (konsensus.yaml's shape)"))
    .argument(d("<mappe>", "<folder>"), d("workshopmappen", "the workshop folder"))
    .option(d("--consensus <fil>", "--consensus <file>"), d("YAML eller JSON med elements: …", "YAML or JSON with elements: …"))
    .addHelpText("after", examples(["ledelsestjek workshop agree ws --consensus konsensus-udkast.yaml"], io.lang))
    .action((dir, opts) => run(async () => (await import("./commands/workshop/agree.ts")).workshopAgree({ ...opts, dir }, io)));
  wsSub("export", d("skriv tal.csv (som report --csv) og handleplan.csv", "write tal.csv (as report --csv) and handleplan.csv"))
    .argument(d("<mappe>", "<folder>"), d("workshopmappen", "the workshop folder"))
    .option(d("--out-dir <mappe>", "--out-dir <folder>"), d("hvor filerne skrives (standard: MAPPE/eksport)", "where the files go (default: DIR/eksport)"))
    .option("--excel", d("CSV til dansk Excel: semikolon, decimalkomma og BOM", "CSV for Danish Excel: semicolons, decimal commas and a BOM"))
    .addHelpText("after", examples(["ledelsestjek workshop export ws", "ledelsestjek workshop export ws --out-dir ud --excel"], io.lang))
    .action((dir, opts) => run(async () => (await import("./commands/workshop/export.ts")).workshopExport({ ...opts, dir }, io)));
  wsSub("report", d("workshoprapporten som PDF: deltagelse, spredning, aftalt score, forskelle, handleplan", "the workshop report as PDF: participation, spread, agreed score, differences, action plan"))
    .argument(d("<mappe>", "<folder>"), d("workshopmappen", "the workshop folder"))
    .option(d("--out <fil.pdf>", "--out <file.pdf>"), d("PDF-filen", "the PDF file"))
    .option(d("--baseline <gammel-mappe>", "--baseline <old-folder>"), d("en tidligere workshop med samme spørgeskema: dengang og nu", "an earlier workshop with the same questionnaire: then and now"))
    .option("--force", d("overskriv en eksisterende --out", "overwrite an existing --out"))
    .addHelpText("after", examples(["ledelsestjek workshop report ws --out workshop.pdf", "ledelsestjek workshop report ws-2027 --baseline ws-2026 --out opfoelgning.pdf"], io.lang))
    .action((dir, opts) => run(async () => (await import("./commands/workshop/report.ts")).workshopReport({ ...opts, dir }, io)));
  wsSub("import", d("flet besvarelser indsamlet andetsteds ind (én respondent, én række)", "merge in responses collected elsewhere (one respondent, one row)"))
    .argument(d("<mappe>", "<folder>"), d("workshopmappen", "the workshop folder"))
    .argument(d("<filer...>", "<files...>"), d("CSV-filer med besvarelser", "CSV files of responses"))
    .option("--lenient", d("spring fejlbehæftede rækker over og skriv dem i en afvist-fil", "skip bad rows and list them in a rejects file"))
    .addHelpText("after", examples(["ledelsestjek workshop import ws papir.csv laptop-2.csv"], io.lang))
    .action((dir, files, opts) => run(async () => (await import("./commands/workshop/import.ts")).workshopImport({ ...opts, dir, files }, io)));
  // --- end workshop ---

  // merge (issue 8): combine files from several machines, one row per respondent.
  dataCommand("merge", d("flet besvarelser fra flere filer til én bred fil, én række pr. respondent", "merge responses from several files into one wide file, one row per respondent"), false)
    .requiredOption(d("--out <fil.csv>", "--out <file.csv>"), d("den samlede fil, der skrives (atomisk)", "the merged file to write (atomically)"))
    .option("--force", d("overskriv en eksisterende --out (aldrig en af inddatafilerne)", "overwrite an existing --out (never one of the inputs)"))
    .option("--excel", d("CSV til dansk Excel: semikolon, decimalkomma og BOM", "CSV for Danish Excel: semicolons, decimal commas and a BOM"))
    .addHelpText("after", examples([
      "ledelsestjek merge laptop1.csv laptop2.csv --excel --out samlet-excel.csv",
      "ledelsestjek merge laptop1.csv laptop2.csv --out samlet.csv",
      "ledelsestjek merge workshop-*.csv --out alle.csv --force",
      "ledelsestjek merge eksport.csv lang.csv --out samlet.csv --lenient",
    ], io.lang))
    .action((files, opts) => run(async () => (await import("./commands/merge.ts")).merge({ ...opts, files }, io)));

  return program;
}
