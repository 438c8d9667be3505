// Small pieces every view uses: the page context, lights, bars, a virtualised list.
import { type Diagnostic, type Locale, pick } from '@reformkit/model'
import type { ItemStatus, Light, PlanViews } from '@reformkit/report'
import { lightLabels, statusLabels } from '@reformkit/report'
import { createContext, type ReactNode, useContext, useState } from 'react'
import type { Messages } from './i18n.js'
import type { Project } from './project.js'

export interface PageContext {
  locale: Locale
  t: Messages
  asOf: string
  project: Project
  views: PlanViews
  diagnostics: Diagnostic[]
}

export const Page = createContext<PageContext | null>(null)

export function usePage(): PageContext {
  const page = useContext(Page)
  if (!page) throw new Error('usePage outside <Page.Provider>')
  return page
}

export function LightBadge({ light }: { light: Light }) {
  const { locale } = usePage()
  return (
    <span className={`light light-${light}`}>
      <span className="dot" aria-hidden="true" />
      {pick(lightLabels[light], locale)}
    </span>
  )
}

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { locale } = usePage()
  return <span className={`status status-${status}`}>{pick(statusLabels[status], locale)}</span>
}

/** A bar for a fraction 0–1 (capped at 100 % wide), with its percentage as text. */
export function Bar({ value, label }: { value: number; label?: string }) {
  const percent = Math.round(value * 100)
  return (
    <span className="bar" title={label}>
      <span className="bar-track" aria-hidden="true">
        <span className="bar-fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
      </span>
      <span className="bar-text">{percent}%</span>
    </span>
  )
}

export function SeverityBadge({ severity }: { severity: Diagnostic['severity'] }) {
  const { t } = usePage()
  const label = severity === 'error' ? t.errors : severity === 'warning' ? t.warnings : t.infos
  return <span className={`severity severity-${severity}`}>{label}</span>
}

const SHOW_WHOLE = 60

/**
 * Only the rows in view are in the page, so 100,000 rows scroll as smoothly as 10; lists
 * of up to 60 rows are shown whole (a projector shows them unscrolled). Rows have one
 * fixed height; a long list scrolls inside its own box, which takes keyboard focus.
 */
export function VirtualList<T>({
  rows,
  rowHeight,
  height,
  render,
  keyOf,
  label,
}: {
  rows: readonly T[]
  rowHeight: number
  height: number
  render: (row: T) => ReactNode
  keyOf: (row: T) => string
  label: string
}) {
  const [top, setTop] = useState(0)
  const whole = rows.length <= SHOW_WHOLE
  const first = whole ? 0 : Math.max(0, Math.floor(top / rowHeight) - 5)
  const last = whole
    ? rows.length
    : Math.min(rows.length, Math.ceil((top + height) / rowHeight) + 5)
  const list = (
    <ul
      className="virtual-list"
      aria-label={label}
      style={whole ? undefined : { height: rows.length * rowHeight }}
    >
      {rows.slice(first, last).map((row, i) => (
        <li
          key={keyOf(row)}
          style={
            whole
              ? { height: rowHeight }
              : { position: 'absolute', top: (first + i) * rowHeight, height: rowHeight }
          }
        >
          {render(row)}
        </li>
      ))}
    </ul>
  )
  if (whole) return <div className="virtual">{list}</div>
  return (
    <div
      className="virtual"
      style={{ height: Math.min(rows.length * rowHeight, height) }}
      onScroll={(event) => setTop(event.currentTarget.scrollTop)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard
      tabIndex={0}
    >
      {list}
    </div>
  )
}

/** Link to a page of the app (hash routes, so the static build works from any folder). */
export function Link({
  to,
  children,
  className,
}: {
  to: string
  children: ReactNode
  className?: string
}) {
  return (
    <a href={`#${to}`} className={className}>
      {children}
    </a>
  )
}

export const percent = (value: number | undefined) =>
  value === undefined ? '—' : `${Math.round(value * 100)}%`

/** Save text or bytes as a file through the browser's download (nothing is sent anywhere). */
export function save(name: string, content: string | Uint8Array, type: string) {
  const part = typeof content === 'string' ? content : (content as Uint8Array<ArrayBuffer>)
  const url = URL.createObjectURL(new Blob([part], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
