// exceljs's Workbook and its enums — what the Office reports and the workbook commands use —
// bundled into one file (dist/exceljs.cjs) that `cli.cjs` loads through the compile cache
// when a command first asks for exceljs: its 270 modules, each resolved, read and compiled
// on its own, cost some 130 ms of every XLSX report; JSZip and fast-csv, which only reading
// a workbook and CSV need, load when first used (tsup.config.ts).
module.exports = {
  ...require('exceljs/lib/doc/enums'),
  Workbook: require('exceljs/lib/doc/workbook'),
}
