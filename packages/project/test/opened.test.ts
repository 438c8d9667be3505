// Files as a browser hands them over (File objects), and the built main entry's promise
// to browsers: no Node built-ins reached.
import { nodeBuiltinsReached } from '@reformkit/vitest-config/dist-check'
import { describe, expect, it } from 'vitest'
import {
  checkProject,
  filesFromList,
  loadProject,
  MAX_OPEN_BYTES,
  TooMuchOpenedError,
} from '../src/index.js'

const plan = `schema: reformkit/plan@1
id: t
title: 测试
period: { start: 2017-01-01, end: 2017-12-31 }
units: [{ id: fgj, name: 发改局 }]
categories: [{ id: local, label: 特色改革事项, kind: local }]
items:
  - { id: i1, number: 1, category: local, title: 事项, responsible: [fgj] }
`
const ledger = `schema: reformkit/ledger@1
unit: fgj
entries:
  - { id: a, item: i1, kind: research, date: 2017-03-01, title: 调研, attachments: [{ path: files/a.txt }] }
`

describe('files opened in a browser', () => {
  it('reads File objects by their folder path, else by their name', async () => {
    const inFolder = (text: string, name: string, path: string) =>
      Object.defineProperty(new File([text], name), 'webkitRelativePath', { value: path })
    const files = await filesFromList([
      new File([plan], 'plan.yaml'),
      inFolder(ledger, 'fgj.yaml', 'ledger/fgj.yaml'),
      inFolder('材料', 'a.txt', 'files/a.txt'),
    ])
    expect(files.map((f) => f.path)).toEqual(['plan.yaml', 'ledger/fgj.yaml', 'files/a.txt'])
    const project = await loadProject(files)
    expect(project.entries.map((e) => e.id)).toEqual(['a'])
    expect(project.attachments?.get('files/a.txt')).toMatchObject({ exists: true, bytes: 6 })
    expect(checkProject(project, { asOf: '2017-12-31' }).checked?.stats.entries).toBe(1)
  })

  it('refuses more than it can hold before reading anything', async () => {
    const huge = {
      name: 'big.yaml',
      webkitRelativePath: '',
      size: MAX_OPEN_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('must not be read')),
    } as unknown as File
    await expect(filesFromList([huge])).rejects.toBeInstanceOf(TooMuchOpenedError)
  })

  it('keeps the built main entry free of Node built-ins', () => {
    const dist = new URL('../dist/', import.meta.url)
    expect(nodeBuiltinsReached(new URL('index.js', dist))).toEqual([])
    expect(nodeBuiltinsReached(new URL('index.cjs', dist))).toEqual([])
  })
})
