/**
 * A deterministic synthetic district: roster (人员名册), units (单位信息) and training
 * records (培训记录) as CSV files, from a seeded PRNG, so a bench or a test can be rerun
 * on the same bytes. `copies` repeats the same people `copies` times with new ids, in new
 * units of new towns: every per-unit and per-town figure repeats, every total multiplies.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: small, fast, and the same numbers on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** GB 11643 check character of the first 17 digits. */
export function checkDigit(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

const REGIONS = ["500222", "500110", "330203", "210102", "530102"];
const BIRTH_BASE = Date.UTC(1962, 0, 1);
const DAY = 86400000;
const BIRTH_SPAN = 18000; // about 49 years of birthdays

function ymd(ms) {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * The resident ID of person `i` of copy `copy` (of `blocks` blocks of BIRTH_SPAN people):
 * the birthday and region depend on `i` alone, so copies share ages; the 3-digit sequence
 * tells the copies apart.
 */
export function residentId(i, copy, blocks) {
  const [y, m, d] = ymd(BIRTH_BASE + (i % BIRTH_SPAN) * DAY);
  const seq = Math.floor(i / BIRTH_SPAN) + blocks * copy;
  if (seq > 999) throw new Error("too many people for distinct resident IDs");
  const first17 = `${REGIONS[i % REGIONS.length]}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${String(seq).padStart(3, "0")}`;
  return first17 + checkDigit(first17);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** One date in one of the forms a spreadsheet gives: 2019/6/1, 2020年3月15日, 2021-01-01, 44348. */
function dateCell(ms, form) {
  const [y, m, d] = ymd(ms);
  switch (form) {
    case 0:
      return `${y}/${m}/${d}`;
    case 1:
      return `${y}年${m}月${d}日`;
    case 2:
      return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    default:
      return String(Math.round((ms - EXCEL_EPOCH) / DAY));
  }
}

const day = (y, m, d) => Date.UTC(y, m - 1, d);
const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** [value, cumulative weight] tables. */
function weighted(rand, table) {
  const r = rand();
  for (const [v, w] of table) if (r < w) return v;
  return table[table.length - 1][0];
}

const GRADES = [
  ["高级社会工作师", 0.02],
  ["社会工作师", 0.12],
  ["助理社会工作师", 0.37],
  ["社会工作员", 0.45],
  ["", 1],
];
const ROLES = ["社区党委书记", "专职社区工作者", "专职社区工作者", "专职社区工作者", "网格员", "居委会副主任", "村委委员", "社会工作者", ""];
const DEGREES = ["", "", "", "本科", "大专", "硕士", "无"];
const UNIT_TYPES = [
  ["社区", 0.45],
  ["村", 0.75],
  ["街道", 0.8],
  ["机关", 0.86],
  ["事业单位", 0.92],
  ["社会工作服务机构", 0.97],
  ["医院", 1],
];
const UNIT_KIND = {
  社区: "社区",
  村: "村",
  街道: "街道办事处",
  机关: "民政办",
  事业单位: "社会事务服务中心",
  社会工作服务机构: "社会工作服务中心",
  医院: "卫生院",
};
const TOWN_NAMES = [
  "古南",
  "文龙",
  "东溪",
  "三角",
  "石角",
  "赶水",
  "永新",
  "篆塘",
  "打通",
  "郭扶",
  "横山",
  "丁山",
  "隆盛",
  "安稳",
  "扶欢",
  "永城",
  "中峰",
  "新盛",
  "石壕",
  "万东",
];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰";

function townName(t) {
  const base = TOWN_NAMES[t % TOWN_NAMES.length];
  const n = Math.floor(t / TOWN_NAMES.length);
  return `${base}${n === 0 ? "" : n + 1}${t % 3 === 0 ? "街道" : "镇"}`;
}

export const ROSTER_HEADER = ["身份证号", "姓名", "单位", "岗位", "证书等级", "取证日期", "社工专业学历", "是否专职", "入职日期", "离职日期"];
export const UNITS_HEADER = ["单位名称", "单位类型", "所属街镇", "是否设立社会工作室", "专业技术岗位数", "社会工作专业岗位数", "岗位总数"];
export const TRAINING_HEADER = ["身份证号", "培训开始日期", "培训结束日期", "天数", "学时", "培训名称"];
const COURSES = ["社区治理能力提升培训", "社会工作实务培训班", "继续教育网络课程", "儿童保护专题培训", "养老服务社会工作培训"];

/** Writes lines to a file through a buffer, honouring back-pressure. */
class LineWriter {
  constructor(path) {
    this.out = createWriteStream(path);
    this.buf = [];
    this.size = 0;
  }
  async line(cells) {
    this.buf.push(cells.join(","));
    if (++this.size >= 8192) await this.flush();
  }
  async flush() {
    if (this.buf.length === 0) return;
    const ok = this.out.write(`${this.buf.join("\r\n")}\r\n`);
    this.buf = [];
    this.size = 0;
    if (!ok) await new Promise((r) => this.out.once("drain", r));
  }
  async close() {
    await this.flush();
    await new Promise((r, j) => this.out.end((e) => (e ? j(e) : r())));
  }
}

/**
 * Writes roster.csv, units.csv and training.csv into `dir` and returns their paths and sizes.
 * people / records are per copy; units are about one per 20 people, towns one per 40 units.
 * With `firstRecords`, training-first.csv holds the first so many training records too.
 */
export async function generateDistrict({ dir, people, records = 0, firstRecords = 0, seed = 20211231, copies = 1 }) {
  mkdirSync(dir, { recursive: true });
  const units = Math.max(1, Math.ceil(people / 20));
  const towns = Math.max(1, Math.ceil(units / 40));
  const blocks = Math.ceil(people / BIRTH_SPAN);
  const paths = {
    roster: join(dir, "roster.csv"),
    units: join(dir, "units.csv"),
    training: join(dir, "training.csv"),
    trainingFirst: join(dir, "training-first.csv"),
  };

  const u = new LineWriter(paths.units);
  await u.line(UNITS_HEADER);
  // unit names per copy: small next to the people, needed to place them
  const unitNamesByCopy = [];
  for (let c = 0; c < copies; c++) {
    const rand = prng(seed + 1);
    const names = new Array(units);
    for (let k = 0; k < units; k++) {
      const type = weighted(rand, UNIT_TYPES);
      const t = Math.floor(rand() * towns);
      const office = rand() < 0.6 ? "是" : "否";
      const total = 3 + Math.floor(rand() * 30);
      const pro = Math.floor(rand() * (total + 1));
      const sw = Math.floor(rand() * (pro + 1));
      const town = townName(t + c * towns);
      names[k] = `${town}${UNIT_KIND[type]}${k + c * units + 1}号`;
      await u.line([names[k], type, town, office, String(pro), String(sw), String(total)]);
    }
    unitNamesByCopy.push(names);
  }
  await u.close();

  const r = new LineWriter(paths.roster);
  await r.line(ROSTER_HEADER);
  for (let c = 0; c < copies; c++) {
    const rand = prng(seed + 2);
    const names = unitNamesByCopy[c];
    for (let i = 0; i < people; i++) {
      const grade = weighted(rand, GRADES);
      const certMs = day(2008, 6, 21) + Math.floor(rand() * 4900) * DAY; // to 2021-12
      const startMs = day(2005, 1, 1) + Math.floor(rand() * 6200) * DAY;
      const leaves = rand() < 0.08;
      const endMs = startMs + (30 + Math.floor(rand() * 2000)) * DAY;
      const form = Math.floor(rand() * 4);
      await r.line([
        residentId(i, c, blocks),
        pick(rand, SURNAMES) + pick(rand, GIVEN) + (rand() < 0.5 ? pick(rand, GIVEN) : ""),
        names[Math.floor(rand() * units)],
        pick(rand, ROLES),
        grade,
        grade === "" || (grade === "社会工作员" && rand() < 0.3) ? "" : dateCell(certMs, form),
        pick(rand, DEGREES),
        rand() < 0.7 ? "是" : "否",
        dateCell(startMs, (form + 1) % 4),
        leaves ? dateCell(endMs, (form + 2) % 4) : "",
      ]);
    }
  }
  await r.close();

  const tw = new LineWriter(paths.training);
  const first = firstRecords > 0 ? new LineWriter(paths.trainingFirst) : null;
  await tw.line(TRAINING_HEADER);
  await first?.line(TRAINING_HEADER);
  for (let c = 0; c < copies; c++) {
    const rand = prng(seed + 3);
    for (let j = 0; j < records; j++) {
      const i = Math.floor(rand() * people);
      const startMs = day(2015, 1, 1) + Math.floor(rand() * 2550) * DAY;
      const days = 1 + Math.floor(rand() * 5);
      const form = Math.floor(rand() * 4);
      const cells = [
        residentId(i, c, blocks),
        dateCell(startMs, form),
        dateCell(startMs + (days - 1) * DAY, form),
        String(days),
        String(days * 8),
        pick(rand, COURSES),
      ];
      await tw.line(cells);
      if (first && c === 0 && j < firstRecords) await first.line(cells);
    }
  }
  await tw.close();
  await first?.close();
  return { ...paths, people: people * copies, unitCount: units * copies, towns: towns * copies, records: records * copies };
}
