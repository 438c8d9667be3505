import type { LocalizedMessage } from '@reformkit/model'
import type { Light } from '../views/types.js'

export const REPORT_KINDS = ['progress', 'assessment', 'kpi', 'ledger-index'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/** Version tag of ReportModel and of the JSON rendering. */
export const REPORT_SCHEMA_TAG = 'reformkit/report@1'

/** A cell: text in both languages or one, a number, a traffic light, or empty. */
export type Cell = string | number | null | LocalizedMessage | { light: Light }

export interface Column {
  key: string
  label: LocalizedMessage
  /** How renderers format and align it; `percent` holds a fraction (0.85 → 85%). */
  type: 'text' | 'number' | 'percent' | 'date' | 'light'
  /** Width in characters of Chinese text (for XLSX, DOCX). */
  width: number
}

export interface Table {
  columns: Column[]
  rows: Array<Record<string, Cell>>
}

export interface Section {
  id: string
  heading: LocalizedMessage
  /** 1: a chapter (一、), 2: a part of it ((一)). */
  level: 1 | 2
  paragraphs: LocalizedMessage[]
  table?: Table
}

/** A report as plain data: what every renderer draws, whatever the format. */
export interface ReportModel {
  schema: typeof REPORT_SCHEMA_TAG
  kind: ReportKind
  title: LocalizedMessage
  plan: { id: string; title: string; issuer?: string; period: { start: string; end: string } }
  asOf: string
  /** Paragraphs under the title: the figures at a glance. */
  summary: LocalizedMessage[]
  sections: Section[]
}

export const lightLabels: Record<Light, LocalizedMessage> = {
  red: { zh: '红灯', en: 'red' },
  yellow: { zh: '黄灯', en: 'yellow' },
  blue: { zh: '蓝灯', en: 'blue' },
  green: { zh: '绿灯', en: 'green' },
}

/** Fill colours (ARGB without alpha) of the lights, for XLSX, HTML and DOCX. */
export const lightColours: Record<Light, string> = {
  red: 'F4B6B6',
  yellow: 'FBE7A1',
  blue: 'B9D7F7',
  green: 'C6E9C1',
}
