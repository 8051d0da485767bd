/** The words every command's human report shares: the policy at its head, the id column, and what --all would list. */
import type { Catalog } from "./catalog.js";

/** The policy in force as a report names it; `extends`: the profile a custom file changes. */
export interface PolicyNamed {
  readonly id: string;
  readonly document: string;
  readonly extends?: string | undefined;
}

const en = {
  /** the id column, the same word in every report */
  id: "id",
  policy: (p: PolicyNamed) => (p.extends === undefined ? `Policy ${p.id} (${p.document})` : `Policy ${p.id} (a custom policy that extends ${p.extends})`),
  /** what is counted and not listed, and how to list it */
  notListed: (what: string) => `${what}: not listed here; --all lists them`,
  ruleTitled: (rule: string, title: string) => `${rule} ${title}`,
};

const zh: typeof en = {
  id: "编号",
  policy: (p) => (p.extends === undefined ? `政策：${p.id}（${p.document}）` : `政策：${p.id}（自定义政策，在 ${p.extends} 基础上修改）`),
  notListed: (what) => `${what}，此处未列出；加 --all 列出`,
  ruleTitled: (rule, title) => `${rule} ${title}`,
};

export const REPORT_WORDS: Catalog<typeof en> = { en, zh };
