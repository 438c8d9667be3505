import type { Locale } from '@reformkit/model'
import { type DragEvent, lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { EXAMPLES, type ExampleName, exampleFiles, isExample } from './example.js'
import { fill, initialLocale, messages } from './i18n.js'
import {
  defaultAsOf,
  filesFromDrop,
  filesFromInput,
  loadProject,
  mergeOpened,
  type Project,
  type ProjectFile,
  relativeToProject,
  viewProject,
} from './project.js'
import { Page, type PageContext } from './ui.js'
import { Diagnostics } from './views/Diagnostics.js'
import { ItemDetail } from './views/ItemDetail.js'
import { Items } from './views/Items.js'
import { Overview } from './views/Overview.js'
import { Reports } from './views/Reports.js'
import { Units } from './views/Units.js'

// ECharts is large: the KPI page loads it when first shown; the draft page likewise.
const Kpis = lazy(() => import('./views/Kpis.js'))
const Extract = lazy(() => import('./views/Extract.js'))
// exceljs and the workbook reader load when the Excel page is first shown.
const Workbook = lazy(() => import('./views/Workbook.js'))

const PAGES = [
  'overview',
  'items',
  'units',
  'kpis',
  'diagnostics',
  'reports',
  'workbook',
  'extract',
] as const

export interface Route {
  name: string
  id?: string
  query: URLSearchParams
}

function readRoute(): Route {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?')
  const [name = 'overview', id] = path.split('/').map(decodeURIComponent)
  return { name, ...(id ? { id } : {}), query: new URLSearchParams(query) }
}

function useRoute(): Route {
  const [route, setRoute] = useState(readRoute)
  useEffect(() => {
    const update = () => {
      setRoute(readRoute())
      window.scrollTo(0, 0)
    }
    addEventListener('hashchange', update)
    return () => removeEventListener('hashchange', update)
  }, [])
  return route
}

const today = () => new Date().toISOString().slice(0, 10)

export function App() {
  const [locale, setLocale] = useState<Locale>(() =>
    initialLocale(localStorage.getItem('reformkit.locale'), navigator.languages),
  )
  const [files, setFiles] = useState<ProjectFile[]>()
  const [project, setProject] = useState<Project>()
  const [asOf, setAsOf] = useState<string>()
  const [busy, setBusy] = useState<string>()
  const [failure, setFailure] = useState<string>()
  const [dragging, setDragging] = useState(false)
  const route = useRoute()
  const t = messages[locale]

  // Which example opens: ?example=wuhu-2025 in the address, else the Wuhan 2017 plan.
  const [example, setExample] = useState<ExampleName>(() => {
    const asked = new URLSearchParams(location.search).get('example')
    return isExample(asked) ? asked : 'wuhan-etdz-2017'
  })
  const openExample = (name: ExampleName = example) =>
    exampleFiles(name).then((opened) => {
      setExample(name)
      setFiles(opened)
      setAsOf(undefined)
    })
  // biome-ignore lint/correctness/useExhaustiveDependencies: open the example once, on load
  useEffect(() => {
    openExample().catch((error: unknown) => setFailure(String(error)))
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = `reformkit · ${t.appName}`
    localStorage.setItem('reformkit.locale', locale)
  }, [locale, t])

  // Reading is per locale (messages of reading findings are in the chosen language).
  useEffect(() => {
    if (!files) return
    let current = true
    setBusy(fill(t.readingFiles, { count: files.length }))
    loadProject(files, { locale })
      .then((read) => {
        if (!current) return
        setProject(read)
        setAsOf((day) => day ?? defaultAsOf(read.plan, today()))
      })
      .catch(
        (error: unknown) => current && setFailure(fill(t.loadFailed, { reason: String(error) })),
      )
      .finally(() => current && setBusy(undefined))
    return () => {
      current = false
    }
  }, [files, locale, t])

  const checked = useMemo(
    () => (project && asOf ? viewProject(project, asOf, locale) : undefined),
    [project, asOf, locale],
  )
  useEffect(() => {
    if (checked?.views) performance.mark('reformkit:rendered')
  }, [checked])

  const open = async (opened: Promise<ProjectFile[]>) => {
    setFailure(undefined)
    try {
      const given = relativeToProject(await opened)
      if (given.length === 0) return
      setFiles((current) => mergeOpened(current ?? [], given))
      if (given.some((f) => f.path.endsWith('plan.yaml'))) setAsOf(undefined)
    } catch (error) {
      setFailure(
        fill(t.loadFailed, { reason: error instanceof Error ? error.message : String(error) }),
      )
    }
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    void open(filesFromDrop(event.dataTransfer))
  }

  const page: PageContext | undefined =
    project && checked?.views && asOf
      ? { locale, t, asOf, project, views: checked.views, diagnostics: checked.diagnostics }
      : undefined
  const { name, id, query } = route

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the whole page is where files may be dropped; the buttons open the same files by keyboard
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(event) => {
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false)
      }}
      onDrop={onDrop}
    >
      <a className="skip" href="#main">
        {t.skip}
      </a>
      <header className="top">
        <div className="brand">
          <strong>reformkit</strong>
          <span className="plan-title">{project?.plan?.title ?? t.appName}</span>
        </div>
        <div className="controls">
          <label>
            {t.asOf}
            <input
              type="date"
              value={asOf ?? ''}
              onChange={(event) => event.target.value && setAsOf(event.target.value)}
            />
          </label>
          <label>
            {t.language}
            <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="button">
            {t.open}
            <input
              type="file"
              multiple
              className="visually-hidden"
              onChange={(event) => void open(filesFromInput(event.target))}
            />
          </label>
          <label className="button">
            {t.openFolder}
            <input
              type="file"
              className="visually-hidden"
              // @ts-expect-error: webkitdirectory is not in React's types, but every current browser has it
              webkitdirectory=""
              onChange={(event) => void open(filesFromInput(event.target))}
            />
          </label>
          <label>
            {t.example}
            <select
              value={example}
              onChange={(event) => {
                const name = event.target.value
                if (isExample(name)) void openExample(name)
              }}
            >
              {EXAMPLES.map((name) => (
                <option key={name} value={name}>
                  {t.examples[name]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void openExample()}>
            {t.loadExample}
          </button>
          <button type="button" onClick={() => print()}>
            {t.print}
          </button>
        </div>
        <nav aria-label={t.nav}>
          {PAGES.map((p) => (
            <a key={p} href={`#/${p}`} aria-current={name === p ? 'page' : undefined}>
              {t[p]}
            </a>
          ))}
        </nav>
      </header>
      <main id="main">
        <p className="hint">{t.openHint}</p>
        {busy && (
          <p className="busy" role="status">
            {busy}
          </p>
        )}
        {failure && (
          <p className="failure" role="alert">
            {failure}
          </p>
        )}
        {name !== 'extract' && project && !project.plan && !busy && (
          <NoPlan project={project} text={t.noPlan} />
        )}
        {name === 'extract' && (
          <Suspense fallback={<p>{t.reading}</p>}>
            <Extract t={t} locale={locale} />
          </Suspense>
        )}
        {name !== 'extract' && page && (
          <Page.Provider value={page}>
            {name === 'items' && id ? (
              <ItemDetail id={id} />
            ) : name === 'items' ? (
              <Items query={query} />
            ) : name === 'units' ? (
              <Units />
            ) : name === 'kpis' ? (
              <Suspense fallback={<p>{t.reading}</p>}>
                <Kpis />
              </Suspense>
            ) : name === 'diagnostics' ? (
              <Diagnostics />
            ) : name === 'reports' ? (
              <Reports />
            ) : name === 'workbook' ? (
              <Suspense fallback={<p>{t.reading}</p>}>
                <Workbook />
              </Suspense>
            ) : (
              <Overview />
            )}
          </Page.Provider>
        )}
      </main>
      {dragging && <div className="drop">{t.dropHere}</div>}
    </div>
  )
}

function NoPlan({ project, text }: { project: Project; text: string }) {
  return (
    <section>
      <p className="failure" role="alert">
        {text}
      </p>
      <ul>
        {project.diagnostics.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is static
          <li key={i}>
            {d.location.file}:{d.location.line ?? ''} {d.message}
          </li>
        ))}
      </ul>
    </section>
  )
}
