import { formatMessage, type Locale, type MessageData } from '@reformkit/model'

/** Every sentence the command writes itself (findings come from the packages' catalogues). */
export const cliMessages = {
  isInput: {
    zh: '{{path}} 是输入文件,不能覆盖;请换一个输出文件名',
    en: '{{path}} is an input; choose another output',
  },
  exists: {
    zh: '{{path}} 已存在;确需覆盖请加 --force',
    en: '{{path}} exists; add --force to replace it',
  },
  tooLargeForFormat: {
    zh: '这份报告有 {{rows}} 行,{{format}} 最多容纳 {{limit}} 行(在 Word 中阅读);请改用 {{suggested}}(例如 --out 报告.xlsx)',
    en: 'This report has {{rows}} rows; {{format}} holds at most {{limit}} (to be read in Word); use {{suggested}} (e.g. --out report.xlsx)',
  },
  skippedIndex: {
    zh: '台账目录行数过多,以下格式未写出:{{skipped}}(DOCX 上限 {{docx}} 行,XLSX 上限 {{xlsx}} 行,超出时改写 CSV)',
    en: 'The ledger index has too many rows for {{skipped}} (DOCX holds {{docx}}, XLSX {{xlsx}}; beyond that it is written as CSV)',
  },
  noFolder: {
    zh: '无法写入 {{path}}:{{folder}} 不是文件夹,也无法建为文件夹(路径中有同名的文件?);请换一个位置',
    en: 'Cannot write {{path}}: {{folder}} is not a folder and cannot be made one (a file of that name on the way?); choose another place',
  },
  notAFile: {
    zh: '{{path}} 不是普通文件(是符号链接、文件夹或设备);不会写入或替换它,请给出一个文件名',
    en: '{{path}} is not a regular file (a symbolic link, a folder or a device); it is not written through or replaced; give a file name',
  },
  holdsInputs: {
    zh: '{{path}} 中有项目的输入文件;请换一个输出位置',
    en: '{{path}} holds inputs of the project; choose another output',
  },
  readingAttachments: { zh: '读取附件', en: 'Reading attachments' },
  bundling: { zh: '打包', en: 'Bundling' },
  ioError: { zh: '无法读写{{where}}({{code}})', en: 'Cannot read or write{{where}} ({{code}})' },
  internal: {
    zh: '内部错误:{{detail}}——这是 reformkit 的缺陷(退出码 70);请加 --debug 重新运行同一命令,把全部输出和 reformkit --version 一并报告给 reformkit 维护者',
    en: 'Internal error: {{detail}} — this is a reformkit bug (exit 70); please run the same command again with --debug and send its whole output, with reformkit --version, to the reformkit maintainers',
  },
  badAsOf: {
    zh: '--as-of {{value}}:日期须写作 YYYY-MM-DD,例如 2017-12-31',
    en: '--as-of {{value}}: write a day as YYYY-MM-DD, e.g. 2017-12-31',
  },
  badLang: { zh: '--lang {{value}}:请用 zh 或 en', en: '--lang {{value}}: use zh or en' },
  unknownRuleFlag: {
    zh: '--rule {{value}}:没有规则“{{id}}”',
    en: '--rule {{value}}: no rule "{{id}}"',
  },
  unknownRuleFlagSuggest: {
    zh: '--rule {{value}}:没有规则“{{id}}”;是否应为 {{guess}}?',
    en: '--rule {{value}}: no rule "{{id}}"; did you mean {{guess}}?',
  },
  badSeverity: {
    zh: '--rule {{value}}:级别须为 error、warning、info 或 off',
    en: '--rule {{value}}: severity must be error, warning, info or off',
  },
  unknownRule: { zh: '没有规则“{{id}}”', en: 'No rule "{{id}}"' },
  unknownRuleSuggest: {
    zh: '没有规则“{{id}}”;是否应为 {{guess}}?',
    en: 'No rule "{{id}}"; did you mean {{guess}}?',
  },
  badMaxWarnings: {
    zh: '--max-warnings {{value}}:须为整数',
    en: '--max-warnings {{value}}: give a whole number',
  },
  tooManyWarnings: {
    zh: 'reformkit:警告 {{warnings}} 个,超过 --max-warnings {{max}}',
    en: 'reformkit: {{warnings}} warnings, more than --max-warnings {{max}}',
  },
  formatNeedsOut: {
    zh: '--format {{format}} 需要写入文件:请加 --out 文件名.{{format}}',
    en: '--format {{format}} writes a file: add --out FILE.{{format}}',
  },
  wrote: { zh: '已写入 {{path}}', en: 'wrote {{path}}' },
  templateTooLarge: {
    zh: '要列出的台账有 {{count}} 条,一个模板最多 {{limit}} 条;请用 --unit 按单位分别生成,或加 --empty 生成空模板',
    en: '{{count}} entries to list; a template holds at most {{limit}}: make one per unit with --unit, or an empty one with --empty',
  },
  unknownUnit: {
    zh: '方案中没有单位“{{unit}}”;可用的单位:{{units}}',
    en: 'The plan has no unit "{{unit}}"; its units: {{units}}',
  },
  noProjectFor: {
    zh: '{{path}}:这里和上一级都没有 {{plan}};--into 请给出项目文件夹或其 ledger 文件夹',
    en: '{{path}}: neither it nor its parent holds {{plan}}; give --into a project folder or its ledger folder',
  },
  importRefused: {
    zh: '有错误,未写入任何台账文件(有错的行会丢失);请在表格中改正后重新导入',
    en: 'There are errors; no ledger file was written (the rows in error would be lost); correct the workbook and import it again',
  },
  importNew: {
    zh: '{{file}}(新文件):新增 {{added}}',
    en: '{{file}} (new): {{added}} added',
  },
  importChanges: {
    zh: '{{file}}:新增 {{added}},修改 {{changed}},删除 {{removed}},未变 {{unchanged}}',
    en: '{{file}}: {{added}} added, {{changed}} changed, {{removed}} removed, {{unchanged}} unchanged',
  },
  importExists: {
    zh: '{{files}} 已存在且内容有变化(见上);确认后加 --force 替换',
    en: '{{files}} exist and would change (see above); add --force to replace them',
  },
  noInput: { zh: '{{path}}:没有这个文件', en: '{{path}}: no such file' },
  inputNotAFile: {
    zh: '{{path}} 不是普通文件(是文件夹、管道或设备),未读取;请给出要读取的文件',
    en: '{{path}} is not a regular file (a folder, a pipe or a device); it was not read; give a file to read',
  },
  notText: {
    zh: '{{path}} 不是文本文件(可能是 PDF、图片或旧版 Word .doc),未提取;请把方案另存为文本(.txt)、网页(.html)或 Word 文件(.docx)后再试',
    en: '{{path}} is not a text file (perhaps a PDF, a picture or an old Word .doc); nothing was extracted: save the plan as text (.txt), a web page (.html) or a Word file (.docx) and try again',
  },
  notDocx: {
    zh: '{{path}} 不是可读取的 Word 文件(.docx):{{reason}}',
    en: '{{path}} is not a Word file (.docx) that can be read: {{reason}}',
  },
  inputTooLarge: {
    zh: '{{path}} 有 {{size}},超过 {{limit}} 的上限',
    en: '{{path}} is {{size}}, over the limit of {{limit}}',
  },
  draftHeader: {
    zh: '由 reformkit extract 从 {{file}} 生成的方案草稿:请对照原文核对,特别是下列提示所指之处',
    en: 'A draft by reformkit extract from {{file}}: check it against the text, above all where the findings point',
  },
  bundled: {
    zh: '已写入 {{path}}:{{count}} 个文件,manifest.json 记有各文件的 SHA-256',
    en: 'wrote {{path}}: {{count}} files, manifest.json with their SHA-256',
  },
  bundledWithErrors: {
    zh: 'reformkit:台账还有 {{errors}} 个错误;报送前请先运行 “reformkit validate” 修正',
    en: 'reformkit: the ledger has {{errors}} errors; run "reformkit validate" before sending this copy',
  },
  intact: {
    zh: '✔ {{copy}} 完整:所有文件与 manifest.json 一致',
    en: '✔ {{copy}} is intact: every file matches manifest.json',
  },
  identical: {
    zh: '✔ {{copy}} 与 {{other}} 均完整,且两份完全一致',
    en: '✔ {{copy}} and {{other}} are intact and identical',
  },
  notEmpty: {
    zh: '{{dir}} 不是空文件夹;init 只在空文件夹或新文件夹中创建项目',
    en: '{{dir}} is not empty; init writes into an empty or new folder only',
  },
  unknownExample: {
    zh: '--example {{value}}:可选的示例有 {{available}}',
    en: '--example {{value}}: available: {{available}}',
  },
  createdFromExample: {
    zh: '已按示例 {{example}} 创建 {{dir}}\n下一步:reformkit validate {{dir}} --as-of {{asOf}}',
    en: 'created {{dir}} from the example {{example}}\nnext: reformkit validate {{dir}} --as-of {{asOf}}',
  },
  created: {
    zh: '已创建 {{dir}}:{{files}}\n下一步:填写 {{plan}},然后运行 reformkit validate {{dir}}',
    en: 'created {{dir}}: {{files}}\nnext: fill in {{plan}}, then run: reformkit validate {{dir}}',
  },
  badId: {
    zh: '--id {{id}}:只能用小写字母、数字和“-”,例如 my-district-2025',
    en: '--id {{id}}: use lower-case letters, digits and "-", e.g. my-district-2025',
  },
  badDate: {
    zh: '--{{flag}} {{value}}:请写日期 YYYY-MM-DD,例如 2025-01-01',
    en: '--{{flag}} {{value}}: give a date YYYY-MM-DD, e.g. 2025-01-01',
  },
  badPeriod: {
    zh: '方案期限 {{start}} 至 {{end}}:起始日晚于截止日',
    en: 'The period {{start}} to {{end}} starts after it ends',
  },
  askStart: { zh: '方案起始日', en: 'First day of the period' },
  askEnd: { zh: '方案截止日', en: 'Last day of the period' },
  askProfile: {
    zh: '要求(generic 只查方案写明的;wuhan-etdz-2017;major-decision-2019)',
    en: 'Requirements (generic: only what the plan states; wuhan-etdz-2017; major-decision-2019)',
  },
  badProfile: {
    zh: '要求“{{value}}”不存在;可选 {{available}}',
    en: 'No profile "{{value}}"; available: {{available}}',
  },
  badYear: {
    zh: '--year {{year}}:请写年份,例如 2025',
    en: '--year {{year}}: give a year, e.g. 2025',
  },
  cancelled: { zh: '已取消,未写入任何文件', en: 'cancelled; nothing was written' },
  askTitle: { zh: '方案名称', en: 'Plan title' },
  askYear: { zh: '年度', en: 'Year' },
  askId: { zh: '方案 id(小写字母、数字、-)', en: 'Plan id (a-z, 0-9, -)' },
  askIssuer: { zh: '发文单位', en: 'Issuing office' },
} as const

export type CliMessageId = keyof typeof cliMessages

/** A sentence of the catalogue in the locale. */
export function say(locale: Locale, id: CliMessageId, data: MessageData = {}): string {
  return formatMessage(cliMessages, id, data, locale)
}
