/** The one helper of cli-table3 used beyond its public API: how wide it draws a cell's text. */
declare module "cli-table3/src/utils.js" {
  const utils: {
    /** the widest line of the text in terminal columns, colour codes left out */
    strlen(text: string): number;
  };
  export default utils;
}
