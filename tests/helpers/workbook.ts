/**
 * Small workbooks built in code, byte by byte as Excel and WPS save them, so a test can hold
 * exactly what a case needs: an .xlsx from its XML parts (Chinese built-in date formats, the
 * 1904 date system, a formula saved without its value, rich text, hidden sheets, merges), and
 * an .xls (BIFF8 records in an OLE container) for the offices that still save those.
 */

/** A cell: text, a number, a date serial in a number format, a formula, or rich text runs. */
export type Cell =
  | string
  | number
  | boolean
  | null
  | { readonly serial: number; readonly fmt: number }
  | { readonly formula: string; readonly cached?: string | number }
  | { readonly rich: readonly string[] };

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly hidden?: boolean;
  /** merged ranges in A1 form, "A1:C1" */
  readonly merges?: readonly string[];
  /** the row number (from 1) of the first row, when the sheet starts lower down */
  readonly firstRow?: number;
}

export interface BookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly date1904?: boolean;
}

/** The number formats the workbook's styles offer, by their id: a cell names one by id. */
const FORMATS = [0, 14, 31, 58, 49, 176];
/** A custom date format (id 176) spelled as Chinese Excel writes it. */
const CUSTOM_DATE = 'yyyy"年"m"月"d"日"';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of stored (uncompressed) entries: all an .xlsx needs to be read. */
export function zip(entries: readonly [string, string | Uint8Array][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function column(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An .xlsx as Excel lays it out: shared strings, a styles part with the formats above, one XML part per sheet. */
export function xlsx(book: BookSpec): Buffer {
  const strings: string[] = [];
  const stringIndex = (xml: string) => {
    const at = strings.indexOf(xml);
    if (at !== -1) return at;
    strings.push(xml);
    return strings.length - 1;
  };
  const cellXml = (cell: Cell, ref: string): string => {
    if (cell === null) return "";
    if (typeof cell === "string") return `<c r="${ref}" t="s"><v>${stringIndex(`<t xml:space="preserve">${esc(cell)}</t>`)}</v></c>`;
    if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
    if (typeof cell === "boolean") return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
    if ("serial" in cell) return `<c r="${ref}" s="${FORMATS.indexOf(cell.fmt)}"><v>${cell.serial}</v></c>`;
    if ("rich" in cell) {
      const runs = cell.rich.map((t, i) => `<r>${i % 2 ? "<rPr><b/></rPr>" : ""}<t xml:space="preserve">${esc(t)}</t></r>`).join("");
      return `<c r="${ref}" t="s"><v>${stringIndex(runs)}</v></c>`;
    }
    const f = `<f>${esc(cell.formula)}</f>`;
    if (cell.cached === undefined) return `<c r="${ref}">${f}</c>`;
    if (typeof cell.cached === "string") return `<c r="${ref}" t="str">${f}<v>${esc(cell.cached)}</v></c>`;
    return `<c r="${ref}">${f}<v>${cell.cached}</v></c>`;
  };
  const sheetXml = (sheet: SheetSpec): string => {
    const first = sheet.firstRow ?? 1;
    const rows = sheet.rows
      .map((cells, i) => {
        const r = first + i;
        return `<row r="${r}">${cells.map((c, j) => cellXml(c, `${column(j)}${r}`)).join("")}</row>`;
      })
      .join("");
    const merges = sheet.merges?.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
  };
  const sheets = book.sheets.map(sheetXml);
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${rel}"><workbookPr${book.date1904 ? ' date1904="1"' : ""}/><sheets>${book.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const n = book.sheets.length;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join(
      "",
    )}<Relationship Id="rId${n + 1}" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="176" formatCode="${esc(CUSTOM_DATE)}"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${FORMATS.length}">${FORMATS.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`).join("")}</cellXfs></styleSheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join("")}</sst>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${book.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join(
      "",
    )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return zip([
    ["[Content_Types].xml", types],
    ["_rels/.rels", rootRels],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", workbookRels],
    ["xl/styles.xml", styles],
    ["xl/sharedStrings.xml", shared],
    ...sheets.map((x, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, x]),
  ]);
}

/** One BIFF record: id, length, data. */
function record(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

/** A BIFF8 string: a count (8 or 16 bits), then UTF-16LE characters. */
function biffString(s: string, countBytes: 1 | 2): Buffer {
  const count = Buffer.alloc(countBytes + 1);
  if (countBytes === 1) count.writeUInt8(s.length, 0);
  else count.writeUInt16LE(s.length, 0);
  count.writeUInt8(1, countBytes); // fHighByte: two bytes a character
  return Buffer.concat([count, Buffer.from(s, "utf16le")]);
}

function bof(kind: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(0x0600, 0);
  b.writeUInt16LE(kind, 2);
  return record(0x0809, b);
}

/** The XF index of each number format offered: XF i uses FORMATS[i] (176 being the custom date). */
function xfOf(fmt: number): number {
  return FORMATS.indexOf(fmt);
}

function cellRecords(cell: Cell, row: number, col: number, sst: string[]): Buffer[] {
  const head = (xf = 0) => {
    const b = Buffer.alloc(6);
    b.writeUInt16LE(row, 0);
    b.writeUInt16LE(col, 2);
    b.writeUInt16LE(xf, 4);
    return b;
  };
  const label = (text: string) => {
    let i = sst.indexOf(text);
    if (i === -1) i = sst.push(text) - 1;
    const b = Buffer.alloc(4);
    b.writeUInt32LE(i, 0);
    return [record(0x00fd, Buffer.concat([head(), b]))];
  };
  const number = (n: number, xf = 0) => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(n, 0);
    return [record(0x0203, Buffer.concat([head(xf), b]))];
  };
  if (cell === null) return [];
  if (typeof cell === "string") return label(cell);
  if (typeof cell === "number") return number(cell);
  if (typeof cell === "boolean") return label(String(cell));
  if ("serial" in cell) return number(cell.serial, xfOf(cell.fmt));
  if ("rich" in cell) return label(cell.rich.join(""));
  // a formula always carries its value in BIFF8: a number, or a string in the STRING record after it
  const value = Buffer.alloc(8);
  if (typeof cell.cached === "string") value.writeUInt16LE(0xffff, 6);
  else value.writeDoubleLE(cell.cached ?? 0, 0);
  const tail = Buffer.alloc(8); // grbit, chn, an empty token list
  const formula = record(0x0006, Buffer.concat([head(), value, tail]));
  return typeof cell.cached === "string" ? [formula, record(0x0207, biffString(cell.cached, 2))] : [formula];
}

/** An .xls: a BIFF8 workbook stream in an OLE compound file, as Excel 97-2003 saves it. */
export function xls(book: BookSpec): Buffer {
  const sst: string[] = [];
  const sheetStreams = book.sheets.map((sheet) => {
    const first = (sheet.firstRow ?? 1) - 1;
    const cells = sheet.rows.flatMap((cells, r) => cells.flatMap((c, col) => cellRecords(c, first + r, col, sst)));
    const merges = (sheet.merges ?? []).map((m) => {
      const [a, b] = m.split(":") as [string, string];
      const at = (ref: string) => {
        const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
        return { row: Number(digits) - 1, col: [...letters!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
      };
      const [s, e] = [at(a), at(b)];
      const d = Buffer.alloc(10);
      d.writeUInt16LE(1, 0);
      d.writeUInt16LE(s.row, 2);
      d.writeUInt16LE(e.row, 4);
      d.writeUInt16LE(s.col, 6);
      d.writeUInt16LE(e.col, 8);
      return record(0x00e5, d);
    });
    return Buffer.concat([bof(0x0010), ...cells, ...merges, record(0x000a, Buffer.alloc(0))]);
  });
  const dateMode = Buffer.alloc(2);
  dateMode.writeUInt16LE(book.date1904 ? 1 : 0, 0);
  // Chinese Excel writes the locale's built-in date formats (31, 58) as FORMAT records too
  const formats = (
    [
      [31, 'yyyy"年"m"月"d"日"'],
      [58, 'm"月"d"日"'],
      [176, CUSTOM_DATE],
    ] as const
  ).map(([id, code]) => record(0x041e, Buffer.concat([Buffer.from([id, 0]), biffString(code, 2)])));
  const xfs = FORMATS.map((id) => {
    const b = Buffer.alloc(20);
    b.writeUInt16LE(id, 2);
    return record(0x00e0, b);
  });
  const sstData = Buffer.concat([Buffer.from(new Uint32Array([sst.length, sst.length]).buffer), ...sst.map((s) => biffString(s, 2))]);
  const sheetRecords = (offsets: number[]) =>
    book.sheets.map((s, i) => {
      const b = Buffer.alloc(6);
      b.writeUInt32LE(offsets[i] ?? 0, 0);
      b.writeUInt8(s.hidden ? 1 : 0, 4);
      return record(0x0085, Buffer.concat([b, biffString(s.name, 1)]));
    });
  const globals = (offsets: number[]) =>
    Buffer.concat([
      bof(0x0005),
      record(0x0022, dateMode),
      ...formats,
      ...xfs,
      ...sheetRecords(offsets),
      record(0x00fc, sstData),
      record(0x000a, Buffer.alloc(0)),
    ]);
  const start = globals([]).length;
  const offsets = sheetStreams.map((_, i) => start + sheetStreams.slice(0, i).reduce((n, s) => n + s.length, 0));
  let stream = Buffer.concat([globals(offsets), ...sheetStreams]);
  // streams under 4096 bytes live in the mini stream; zeros after the last record end the records
  if (stream.length < 4096) stream = Buffer.concat([stream, Buffer.alloc(4096 - stream.length)]);
  return compoundFile(stream);
}

/** An OLE compound file (version 3, 512-byte sectors) holding one stream named Workbook. */
function compoundFile(stream: Buffer): Buffer {
  const SECTOR = 512;
  const dataSectors = Math.ceil(stream.length / SECTOR);
  const dirSector = dataSectors;
  const fatSector = dataSectors + 1;
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(dirSector, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? fatSector : 0xffffffff, 76 + i * 4);
  const data = Buffer.alloc(dataSectors * SECTOR);
  stream.copy(data);
  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, child: number, start: number, size: number) => {
    const off = i * 128;
    dir.write(name, off, "utf16le");
    dir.writeUInt16LE((name.length + 1) * 2, off + 64);
    dir.writeUInt8(type, off + 66);
    dir.writeUInt8(1, off + 67);
    dir.writeUInt32LE(0xffffffff, off + 68);
    dir.writeUInt32LE(0xffffffff, off + 72);
    dir.writeUInt32LE(child, off + 76);
    dir.writeUInt32LE(start, off + 116);
    dir.writeUInt32LE(size, off + 120);
  };
  entry(0, "Root Entry", 5, 1, 0xfffffffe, 0);
  entry(1, "Workbook", 2, 0xffffffff, 0, stream.length);
  const fat = Buffer.alloc(SECTOR, 0xff);
  for (let i = 0; i < dataSectors; i++) fat.writeUInt32LE(i + 1 < dataSectors ? i + 1 : 0xfffffffe, i * 4);
  fat.writeUInt32LE(0xfffffffe, dirSector * 4);
  fat.writeUInt32LE(0xfffffffd, fatSector * 4);
  return Buffer.concat([header, data, dir, fat]);
}

/** Days since 1899-12-30 (the 1900 system) of a calendar day. */
export function serial1900(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Days since 1904-01-01 (the 1904 system, old Mac Excel) of a calendar day. */
export function serial1904(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / 86_400_000;
}
