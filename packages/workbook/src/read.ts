import {
  type Diagnostic,
  decodeSource,
  diagnosticFactory,
  formatBytes,
  type Locale,
  type SourceLocation,
  ZipError,
} from '@reformkit/model'
import { readDelimited } from './delimited.js'
import { workbookMessages } from './messages.js'
import type { Sheet } from './sheet.js'
import { readXlsx } from './xlsx.js'

/** How much a workbook may cost to read. */
export interface WorkbookLimits {
  /** Larger files are refused before reading. Default 64 MiB. */
  maxBytes: number
  /** The XML inflated from an XLSX, all parts together. Default 256 MiB (some 200,000 rows). */
  maxInflatedBytes: number
}

export const WORKBOOK_LIMITS: Readonly<WorkbookLimits> = {
  maxBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
}

export interface ReadWorkbookOptions {
  /** Named in every finding (`fgj.xlsx!台账!C12`); a CSV file's one sheet is named after it. */
  filename?: string
  locale?: Locale
  limits?: Partial<WorkbookLimits>
}

/** A location in the file, with more (a sheet, a cell) where given. */
export const locatedIn =
  (file: string | undefined) =>
  (more: SourceLocation = {}): SourceLocation => ({
    ...(file === undefined ? {} : { file }),
    ...more,
  })

/**
 * The sheets of an XLSX/XLSM file, or the one sheet of a CSV/TSV text (UTF-8 with or
 * without BOM, GB18030, UTF-16 with BOM), with findings about the file as a whole
 * (macros, links, encodings). `sheets` is absent when the file cannot be read: then the
 * one finding says why. Never throws.
 */
export function readWorkbook(
  bytes: Uint8Array,
  options: ReadWorkbookOptions = {},
): { sheets?: Sheet[]; diagnostics: Diagnostic[] } {
  const report = diagnosticFactory(workbookMessages, options.locale)
  const file = options.filename
  const at = locatedIn(file)
  const fail = (diagnostic: Diagnostic) => ({ diagnostics: [diagnostic] })
  const limits = { ...WORKBOOK_LIMITS, ...options.limits }
  try {
    if (bytes.length > limits.maxBytes)
      return fail(
        report({
          ruleId: 'workbook/too-large',
          data: { what: formatBytes(bytes.length), limit: formatBytes(limits.maxBytes) },
          location: at(),
        }),
      )
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
      return fail(report({ ruleId: 'workbook/encrypted', location: at() }))
    const diagnostics: Diagnostic[] = []
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const read = readXlsx(bytes, limits.maxInflatedBytes)
      if (read.traits.macros)
        diagnostics.push(report({ ruleId: 'workbook/macros', severity: 'warning', location: at() }))
      if (read.traits.externalLinks)
        diagnostics.push(
          report({ ruleId: 'workbook/external-links', severity: 'warning', location: at() }),
        )
      return { sheets: read.sheets, diagnostics }
    }
    const decoded = decodeSource(bytes, {
      ...(file === undefined ? {} : { filename: file }),
      ...(options.locale === undefined ? {} : { locale: options.locale }),
    })
    // Neither a workbook nor text (a picture, a PDF, an old .xls under another name): said
    // as what it is not, with what to import instead.
    if (decoded.text === undefined)
      return fail(
        report({ ruleId: 'workbook/unreadable', data: { detail: NOT_A_TABLE }, location: at() }),
      )
    return {
      sheets: [readDelimited(decoded.text, sheetNameOf(file))],
      diagnostics: decoded.diagnostics,
    }
  } catch (error) {
    if (error instanceof ZipError && error.problem === 'too-large')
      return fail(
        report({
          ruleId: 'workbook/too-large',
          data: {
            what: { zh: `${error.entry ?? ''} 解压后`, en: `${error.entry ?? ''} inflated` },
            limit: formatBytes(limits.maxInflatedBytes),
          },
          location: at(),
        }),
      )
    return fail(internal(error, options))
  }
}

const NOT_A_TABLE = {
  zh: '不是 Excel 工作簿,也不是 CSV 文本',
  en: 'neither an Excel workbook nor CSV text',
} as const

const ZIP_PROBLEMS = {
  'not-zip': { zh: '不是 Excel 工作簿', en: 'not an Excel workbook' },
  zip64: { zh: '超过 4 GB 的压缩格式', en: 'a zip64 archive' },
  corrupt: { zh: '文件已损坏或不完整', en: 'the file is damaged or incomplete' },
  'too-large': { zh: '过大', en: 'too large' },
} as const

/** `workbook/unreadable`, with what went wrong. */
export function internal(error: unknown, options: ReadWorkbookOptions): Diagnostic {
  const report = diagnosticFactory(workbookMessages, options.locale)
  const detail =
    error instanceof ZipError
      ? ZIP_PROBLEMS[error.problem]
      : error instanceof Error
        ? error.message
        : String(error)
  return report({
    ruleId: 'workbook/unreadable',
    data: { detail },
    location: locatedIn(options.filename)(),
  })
}

/** What a CSV file's one sheet is called, as Excel names it: the file name without extension. */
const sheetNameOf = (file: string | undefined) =>
  (file ?? 'CSV').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV'
