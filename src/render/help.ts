/**
 * The words of `--help`, in English and Chinese side by side: what each command and option
 * is for, and the titles commander prints around them. A key missing in one language is a
 * type error. The language is --lang's, else the locale's (zh for zh_*), as for every output.
 */
import type { Help } from "commander";
import type { Lang } from "./messages.js";
import { displayWidth, wrap } from "./width.js";

/** The titles commander prints, as it spells them. */
type Title = "Usage:" | "Arguments:" | "Options:" | "Commands:";

const EN = {
  titles: { "Usage:": "Usage:", "Arguments:": "Arguments:", "Options:": "Options:", "Commands:": "Commands:" } as Record<Title, string>,
  program: {
    description:
      "Audit social-work talent rosters (社会工作专业人才) against policy: certification ratios, " +
      "the month-end allowance payroll, and training compliance, citing the clause behind every verdict.",
    version: "output the version number",
    debug: "show a stack trace for unexpected errors",
    help: "display help for command",
    helpCommand: "display help for command",
    afterError: "(run with --help for usage)",
    after:
      "\nExit codes: 0 done; 1 --check found non-compliance; 2 usage error; 3 data error; 4 output error.\n" +
      "Example: swtalent audit roster.csv --units units.csv --as-of 2021-12-31",
  },
  common: {
    units: "units file (单位信息), CSV or workbook: unit type, town, office, posts",
    policy: "policy profile id or a policy file (default qijiang-2020)",
    format: "table | csv | json | md | html | xlsx (default: table on a terminal, csv otherwise; --out x.html / x.xlsx picks it)",
    out: "write to this file (atomically; never an input); {month} and {as_of} in its name are filled in, e.g. payroll-{month}.csv",
    lang: "language of headers and messages (default from the locale)",
    mask: "show resident ID numbers in full",
    check: "exit 1 when anything is non-compliant",
    allowRejects: "report rejected rows but do not exit 3 for them",
    rejects: "write rejected rows with their reasons to this CSV file",
    bom: "CSV output without the UTF-8 byte-order mark",
    quiet: "no warnings or progress on stderr",
    pager: "print straight to the terminal, never through $PAGER (default less -FRX)",
    width: "lay tables out to n columns (default: the terminal's width, or 100 when not on a terminal)",
    all: "table and md list what passes too (compliant units, everyone paid or not), not only count it",
    encoding: "force the input encoding: utf-8 | gb18030 (gbk) | utf-16le",
    delimiter: "force the input delimiter: comma | tab | semicolon | a character",
    sheet:
      "the sheet of a workbook input (.xlsx, .xls, .et) to read, by name or number (1 = the first); default: the first shown sheet whose header names the table's columns",
    column: 'read a header the aliases do not know as this field, e.g. --column "离职时间（年月日）=end_date"; "HEADER=" leaves it unread (repeatable)',
    roster: "roster (人员名册): a CSV file, a workbook (.xlsx, .xls, .et), or - for stdin",
  },
  examples: "Examples:",
  example: "Example:",
  audit: {
    description: "check every unit against the policy's rules, targets and exam list",
    asOf: "the date to audit on (default: today in Asia/Shanghai)",
  },
  allowance: {
    description: "the month-end allowance payroll (职业津贴): payees, totals per town, and everyone not paid with the reason",
    month: "the month to pay: 2021-06, 2021年6月, last or current (Asia/Shanghai)",
    from: "first month of a range",
    to: "last month of a range",
    paid: "CSV or workbook of id, month, amount already paid (e.g. earlier payrolls): pay only what is still owed",
    explain: "for one person (an id, a masked id, or a unique name), each condition month by month, with the amount and basis",
  },
  training: {
    description: "training days (继续教育) in each person's window against their grade's requirement: status, deadline, per-unit rates",
    training: "training records (培训记录): a CSV file, a workbook, or - for stdin",
    asOf: "the date to judge on (default: today in Asia/Shanghai)",
    window: "rolling (the years ending on the as-of date) or certificate (cycles from the certificate date); default: the policy's",
    warnDays: "also list people still short whose deadline falls within n days",
  },
  validate: {
    description: "read and check the inputs only, and report every problem found",
    training: "training records file (培训记录) to check as well",
  },
  compare: {
    description: "what changes when policy B replaces policy A: units compliant, the allowance's cost person by person, training requirements",
    with: "the policy to compare with: a built-in profile id or a policy file (a draft that extends A)",
    asOf: "the date to audit and judge training on (default: today in Asia/Shanghai)",
    month: "compare the allowance for this month: 2021-06, 2021年6月, last or current",
    from: "first month of a range to compare the allowance for",
    to: "last month of the range",
    training: "training records (培训记录): compare training requirements and statuses",
    paid: "CSV or workbook of id, month, amount already paid: compare what would still be owed under each",
    after:
      "The policy in force is --policy (A, default qijiang-2020); --with is the one that would replace it (B).\n" + "--check exits 1 when anything changes.",
  },
  policy: {
    description: "list the built-in policy profiles, show one, or check a policy file",
    list: "list the built-in profiles",
    show: "print every rule, threshold, amount, date and basis",
    showArgument: "a built-in id or a policy file",
    check: "validate a custom policy file",
    checkArgument: "a policy file (YAML or JSON)",
    format: "table | json | md | csv (default: table)",
    out: "write to this file",
    lang: "language of titles",
  },
  template: {
    description: "write empty roster, units and training templates with one example row each",
    dir: "folder to write into, created if missing (default: the current folder)",
    lang: "header language (default from the locale)",
    format: "three CSV files (default), or one workbook with a sheet each",
    bom: "CSV without the UTF-8 byte-order mark",
  },
};

export type HelpWords = typeof EN;

const ZH: HelpWords = {
  titles: { "Usage:": "用法：", "Arguments:": "参数：", "Options:": "选项：", "Commands:": "命令：" },
  program: {
    description: "按政策核查社会工作专业人才名册：持证比例、月末职业津贴发放表、继续教育培训达标情况，每项结论均注明政策依据。",
    version: "显示版本号",
    debug: "出现意外错误时显示堆栈信息",
    help: "显示命令帮助",
    helpCommand: "显示命令帮助",
    afterError: "（用 --help 查看用法）",
    after:
      "\n退出码：0 完成；1 使用 --check 时发现未达标；2 用法错误；3 数据错误；4 输出错误。\n" +
      "示例：swtalent audit roster.csv --units units.csv --as-of 2021-12-31",
  },
  common: {
    units: "单位信息文件（CSV 或工作簿）：单位类型、所属街镇、社会工作室、岗位数",
    policy: "政策编号或政策文件（默认 qijiang-2020）",
    format: "table | csv | json | md | html | xlsx（默认：终端上为 table，否则为 csv；--out x.html / x.xlsx 即用该格式）",
    out: "写入此文件（原子写入，不会覆盖输入文件）；文件名中的 {month} 和 {as_of} 会被替换，如 payroll-{month}.csv",
    lang: "表头和提示信息的语言（默认按系统区域设置）",
    mask: "完整显示身份证号",
    check: "有任何未达标项时以退出码 1 结束",
    allowRejects: "列出被拒收的行，但不因此以退出码 3 结束",
    rejects: "把被拒收的行及原因写入此 CSV 文件",
    bom: "输出 CSV 时不加 UTF-8 BOM",
    quiet: "不在标准错误输出警告和进度",
    pager: "直接输出到终端，不经过 $PAGER 分页（默认 less -FRX）",
    width: "表格按 n 列宽排版（默认：终端宽度；不在终端上时为 100）",
    all: "table 和 md 格式也逐条列出达标的内容（达标单位、全部未发放人员等），而不只计数",
    encoding: "指定输入文件编码：utf-8 | gb18030 (gbk) | utf-16le",
    delimiter: "指定输入分隔符：comma | tab | semicolon | 单个字符",
    sheet: "读取工作簿（.xlsx、.xls、.et）中的哪个工作表，按名称或序号（1 为第一个）；默认为第一个表头含所需列的可见工作表",
    column: '把别名不能识别的表头读作此字段，如 --column "离职时间（年月日）=end_date"；"表头=" 表示不读该列（可重复）',
    roster: "人员名册：CSV 文件、工作簿（.xlsx、.xls、.et），- 表示标准输入",
  },
  examples: "示例：",
  example: "示例：",
  audit: {
    description: "按政策的单位规则、区域目标和报考名单核查每个单位",
    asOf: "核查日期（默认：上海时区的今天）",
  },
  allowance: {
    description: "月末职业津贴发放表：发放人员、各街镇合计，以及每位未发放人员及原因",
    month: "发放月份：2021-06、2021年6月、last（上月）或 current（本月），按上海时区",
    from: "起始月份",
    to: "截止月份",
    paid: "已发放记录 CSV 或工作簿（编号、月份、金额，如以前的发放表）：只发放仍应补发的金额",
    explain: "逐月列出某人（编号、脱敏编号或唯一姓名）的每项发放条件、金额和依据",
  },
  training: {
    description: "每人在培训周期内的继续教育天数与其等级要求对比：状态、截止日期、各单位达标率",
    training: "培训记录：CSV 文件、工作簿，- 表示标准输入",
    asOf: "核查日期（默认：上海时区的今天）",
    window: "rolling（截至核查日期的若干年）或 certificate（自取证日期起的周期）；默认按政策",
    warnDays: "另列出截止日期在 n 天内且天数仍不足的人员",
  },
  validate: {
    description: "只读取并检查输入文件，报告发现的每个问题",
    training: "一并检查的培训记录文件",
  },
  compare: {
    description: "以政策 B 取代政策 A 时的变化：达标单位、逐人的津贴支出、培训要求",
    with: "用来比较的政策：内置政策编号或政策文件（如继承 A 的草案）",
    asOf: "核查单位和培训的日期（默认：上海时区的今天）",
    month: "比较此月份的津贴：2021-06、2021年6月、last 或 current",
    from: "比较津贴的起始月份",
    to: "截止月份",
    training: "培训记录：比较培训要求和达标状态",
    paid: "已发放记录 CSV 或工作簿（编号、月份、金额）：比较两种政策下仍应补发的金额",
    after: "现行政策为 --policy（A，默认 qijiang-2020）；--with 为拟取代它的政策（B）。\n使用 --check 时，有任何变化即以退出码 1 结束。",
  },
  policy: {
    description: "列出内置政策、显示其中一项，或检查政策文件",
    list: "列出内置政策",
    show: "显示每条规则、标准、金额、日期和依据",
    showArgument: "内置政策编号或政策文件",
    check: "检查自定义政策文件",
    checkArgument: "政策文件（YAML 或 JSON）",
    format: "table | json | md | csv（默认：table）",
    out: "写入此文件",
    lang: "标题的语言",
  },
  template: {
    description: "生成空白的人员名册、单位信息和培训记录模板，各含一行示例",
    dir: "写入的文件夹，不存在时自动创建（默认：当前文件夹）",
    lang: "表头语言（默认按系统区域设置）",
    format: "三个 CSV 文件（默认），或一个工作簿、每种模板一个工作表",
    bom: "CSV 不加 UTF-8 BOM",
  },
};

const WORDS: Readonly<Record<Lang, HelpWords>> = { en: EN, zh: ZH };

export function helpWords(lang: Lang): HelpWords {
  return WORDS[lang];
}

/**
 * How commander lays out help in Chinese: its titles translated, a Chinese character counted
 * two columns wide, and lines broken between Chinese characters, which have no spaces to break
 * at. English help is commander's own.
 */
export function helpLayout(lang: Lang): Partial<Help> {
  if (lang === "en") return {};
  const w = helpWords(lang);
  return {
    styleTitle: (title: string) => w.titles[title as Title] ?? title,
    displayWidth,
    boxWrap(text: string, width: number): string {
      // commander's own limit: too narrow a column is not wrapped at all
      return width < 40 ? text : wrap(text, width).join("\n");
    },
  };
}
