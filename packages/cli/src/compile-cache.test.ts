import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cachePath, commandOf, compileCacheDir, loadScript } from './compile-cache.js'

const root = mkdtempSync(join(tmpdir(), 'reformkit-compile-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the compile cache', () => {
  const file = join(root, 'commands.cjs')
  const cache = join(root, 'cache')

  it('runs a CommonJS file as require would, then from the code kept after the run', () => {
    writeFileSync(
      file,
      "const { join } = require('node:path')\nexports.where = () => join(__dirname, 'x')\n",
    )
    const first = loadScript<{ where(): string }>(file, 'validate', cache)
    expect(first.cached).toBe(false)
    expect(first.exports.where()).toBe(join(root, 'x'))
    first.save()
    expect(readdirSync(cache)).toHaveLength(1)
    const second = loadScript<{ where(): string }>(file, 'validate', cache)
    expect(second.cached).toBe(true)
    expect(second.exports.where()).toBe(join(root, 'x'))
    // Another command keeps its own code.
    expect(loadScript(file, 'report', cache).cached).toBe(false)
  })

  it('never runs code kept for other content; forgets it when the file changes', () => {
    writeFileSync(file, 'exports.answer = 42\n')
    const changed = loadScript<{ answer: number }>(file, 'validate', cache)
    expect(changed.cached).toBe(false)
    expect(changed.exports.answer).toBe(42)
    changed.save()
    expect(readdirSync(cache)).toHaveLength(1)
  })

  // (V8 also keeps what it compiled in memory: a source already run in this process is not
  // read from the cache again, so each case below runs a source of its own.)
  it('runs, and keeps fresh code, when what is kept is damaged or cannot be written', () => {
    const source = 'exports.answer = 43\n'
    writeFileSync(file, source)
    writeFileSync(cachePath(cache, file, source, 'validate'), 'not V8 code at all')
    const damaged = loadScript<{ answer: number }>(file, 'validate', cache)
    expect(damaged.cached).toBe(false)
    expect(damaged.exports.answer).toBe(43)
    damaged.save()
    expect(readFileSync(cachePath(cache, file, source, 'validate')).length).toBeGreaterThan(100)
    // A cache folder that is a file: nothing kept, nothing thrown.
    writeFileSync(join(root, 'blocked'), '')
    writeFileSync(file, 'exports.answer = 44\n')
    const blocked = loadScript(file, 'validate', join(root, 'blocked', 'compile'))
    expect(() => blocked.save()).not.toThrow()
  })

  it('keys the code by the content, the same from its text or its bytes', () => {
    const text = "exports.name = '台账 𠀀'\n"
    const key = cachePath(cache, file, text, 'validate')
    expect(cachePath(cache, file, Buffer.from(text), 'validate')).toBe(key)
    expect(cachePath(cache, file, `${text} `, 'validate')).not.toBe(key)
    // The same content at another path (another install): code of its own, whose stack
    // traces name that path, not this one.
    expect(cachePath(cache, `${file}.copy`, text, 'validate')).not.toBe(key)
  })

  it('keeps each file its own code: saving one forgets no other', () => {
    const other = join(root, 'office.cjs')
    writeFileSync(other, 'exports.office = 1\n')
    writeFileSync(file, 'exports.answer = 45\n')
    const mine = loadScript(file, 'report', cache)
    const office = loadScript(other, 'office', cache)
    mine.save()
    office.save()
    expect(loadScript(file, 'report', cache).cached).toBe(true)
    expect(loadScript(other, 'office', cache).cached).toBe(true)
    expect(readdirSync(cache).filter((name) => name.startsWith('office-'))).toHaveLength(1)
  })

  it('is off with REFORMKIT_COMPILE_CACHE=0, elsewhere with REFORMKIT_CACHE_DIR', () => {
    expect(compileCacheDir({ REFORMKIT_COMPILE_CACHE: '0' })).toBeUndefined()
    expect(compileCacheDir({ REFORMKIT_CACHE_DIR: root })).toBe(join(root, 'compile'))
    expect(compileCacheDir({ XDG_CACHE_HOME: root })).toMatch(/reformkit[/\\]compile$/)
  })

  it('keeps code per command, and one file for anything else typed', () => {
    expect(commandOf(['node', 'reformkit', '--lang', 'en', 'validate', '.'])).toBe('validate')
    expect(commandOf(['node', 'reformkit', '--lang=en', 'report', '.'])).toBe('report')
    expect(commandOf(['node', 'reformkit', '--debug', 'en'])).toBe('other')
    expect(commandOf(['node', 'reformkit', 'validate', '--as-of', '2017-12-31'])).toBe('validate')
    expect(commandOf(['node', 'reformkit', 'frobnicate'])).toBe('other')
    expect(commandOf(['node', 'reformkit'])).toBe('help')
  })
})
