import type { MessageCatalogue } from '@reformkit/model'

/** The findings of reading a workbook or a CSV file, in both languages. */
export const workbookMessages = {
  'workbook/unreadable': {
    zh: '无法读取此文件({{detail}});请用 Excel 或 WPS 另存为 .xlsx 或 CSV 后再导入',
    en: 'This file cannot be read ({{detail}}); save it as .xlsx or CSV from Excel or WPS and import that',
  },
  'workbook/encrypted': {
    zh: '这是加密(设有打开密码)的工作簿,或旧版 .xls 文件;请去掉密码并另存为 .xlsx 后再导入',
    en: 'This workbook is password-protected, or an old .xls file; remove the password and save it as .xlsx',
  },
  'workbook/too-large': {
    zh: '文件过大:{{what}}超过上限 {{limit}}(可能是压缩炸弹);请拆分后再导入',
    en: 'The file is too large: {{what}} exceeds the limit of {{limit}} (a zip bomb?); split it',
  },
  'workbook/other-plan': {
    zh: '这份表格是为方案“{{plan}}”生成的模板,不是本项目的方案“{{expected}}”;请核对事项和单位',
    en: 'This workbook is a template of plan "{{plan}}", not of this project\'s plan "{{expected}}"; check its items and units',
  },
  'workbook/macros': {
    zh: '工作簿含宏(.xlsm);宏不会运行,只读取单元格中的值',
    en: 'The workbook contains macros (.xlsm); they are not run, only cell values are read',
  },
  'workbook/external-links': {
    zh: '工作簿链接了其他文件;链接不会刷新,读取的是保存时的值',
    en: 'The workbook links to other files; links are not refreshed, the values saved are read',
  },
  'workbook/formulas': {
    zh: '工作表“{{sheet}}”有 {{count}} 个公式单元格(第一个在 {{cell}});读取的是保存时计算出的值,请确认',
    en: 'Sheet "{{sheet}}" has {{count}} formula cells (the first at {{cell}}); the values saved are read: check them',
  },
  'workbook/no-table': {
    zh: '没有找到台账表:没有一张工作表的表头含“改革事项”“材料类型”“日期”“材料标题”等列',
    en: 'No ledger table found: no sheet has a header row with columns such as 改革事项, 材料类型, 日期, 材料标题',
  },
  'workbook/no-plan-table': {
    zh: '没有找到任务分解表:没有一张工作表的表头含“重点任务”和“牵头单位”“配合单位”或“责任单位”列',
    en: 'No task table found: no sheet has a header row with a task column and a column of units (牵头单位, 配合单位 or 责任单位)',
  },
  'workbook/missing-column': {
    zh: '表头缺少必填列“{{column}}”',
    en: 'The header row lacks the required column "{{column}}"',
  },
  'workbook/column-ignored': {
    zh: '列“{{header}}”不是台账字段,未读取',
    en: 'Column "{{header}}" is not a ledger field and is not read',
  },
  'workbook/generated-ids': {
    zh: '{{count}} 行没有填写编号,已按内容生成(如 {{example}});再次导出时会带上编号',
    en: '{{count}} rows have no ID; IDs were made from their content (such as {{example}}) and are written on the next export',
  },
  'workbook/cell-error': {
    zh: '单元格显示错误值 {{value}},按空白读取',
    en: 'The cell shows the error value {{value}} and is read as empty',
  },
} satisfies MessageCatalogue
