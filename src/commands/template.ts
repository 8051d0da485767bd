/**
 * swtalent template [--dir DIR] [--lang zh|en]
 * Writes empty roster, units and training templates, headers in the chosen language, one
 * example row each; the roster template carries unit type and town, so `validate` accepts it alone.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../core/errors.js";
import { checkDigit } from "../core/records/ids.js";
import { located } from "../io/paths.js";
import { loadPolicy } from "../io/policies.js";
import { renderCsv } from "../render/format.js";
import { textOrEmpty } from "../render/model.js";
import { ensureDir, writeOutput } from "../io/write.js";
import type { CommandSpec } from "./spec.js";
import { langOf } from "./options.js";
import type { Runtime } from "./runtime.js";

const EXAMPLE_ID17 = "50022219900101002";

const ROSTER: [string, string][] = [
  ["id", EXAMPLE_ID17 + checkDigit(EXAMPLE_ID17)],
  ["name", "张三"],
  ["unit", "古南街道滨河社区"],
  ["unit_type", "社区"],
  ["town", "古南街道"],
  ["district", "綦江区"],
  ["role", "专职社区工作者"],
  ["grade", "助理社会工作师"],
  ["cert_date", "2020-06-20"],
  ["sw_degree", "本科"],
  ["full_time", "是"],
  ["start_date", "2018-03-01"],
  ["end_date", ""],
  ["birth_date", ""],
  ["post_tier", ""],
  ["post_level", ""],
  ["sw_office", "是"],
];
const UNITS: [string, string][] = [
  ["unit", "古南街道滨河社区"],
  ["unit_type", "社区"],
  ["town", "古南街道"],
  ["district", "綦江区"],
  ["social_service", ""],
  ["sw_office", "是"],
  ["professional_posts", ""],
  ["sw_posts", ""],
  ["total_posts", ""],
];
const TRAINING: [string, string][] = [
  ["id", EXAMPLE_ID17 + checkDigit(EXAMPLE_ID17)],
  ["name", "张三"],
  ["start_date", "2021-05-10"],
  ["end_date", "2021-05-12"],
  ["days", "3"],
  ["hours", ""],
  ["course", "社会工作实务培训"],
  ["provider", "綦江区民政局"],
];

interface TemplateOptions {
  dir?: string;
  lang?: string;
  bom: boolean;
}

export const templateCommand: CommandSpec = {
  name: "template",
  define: (cmd: Command, w) =>
    cmd
      .description(w.template.description)
      .option("--dir <dir>", w.template.dir)
      .option("--lang <zh|en>", w.template.lang)
      .option("--no-bom", w.template.bom)
      .addHelpText("after", `\n${w.example}\n  swtalent template --dir ./templates --lang zh`),
  async run(args, rt: Runtime) {
    const o = args[0] as TemplateOptions;
    const lang = langOf({ ...o, mask: true, bom: o.bom }, rt.env);
    const cols = loadPolicy(undefined).vocabulary.columns;
    const files: [string, string, [string, string][], Record<string, readonly string[]>][] = [
      ["roster.csv", "人员名册.csv", ROSTER, cols.roster],
      ["units.csv", "单位信息.csv", UNITS, cols.units],
      ["training.csv", "培训记录.csv", TRAINING, cols.training],
    ];
    const dir = o.dir ?? ".";
    const targets = files.map(([en, zh]) => join(dir, lang === "zh" ? zh : en));
    const existing = targets.filter((t) => existsSync(located(t, rt.cwd)));
    if (existing.length > 0) throw new UsageError(`${existing.join(", ")} already exist: templates never overwrite a file; choose another --dir`);
    ensureDir(rt, dir);
    for (const [i, [, , example, aliases]] of files.entries()) {
      const header = example.map(([field]) => (lang === "zh" ? aliases[field]![0]! : field));
      await writeOutput(rt, targets[i]!, renderCsv({ json: null, sections: [], csv: { header, rows: [example.map(([, v]) => textOrEmpty(v))] } }, o.bom));
    }
    rt.stderr(targets.map((t) => `wrote ${t}`).join("\n"));
    return 0;
  },
};
