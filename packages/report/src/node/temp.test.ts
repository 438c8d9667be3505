// What a killed run leaves is removed by the next; a process removes only its own.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exampleRoot, loadExample } from '../../test/example.js'
import { createBundle } from './bundle.js'
import { removeOwnTempsSync, removeStaleTemps, tempPath } from './temp.js'

const base = mkdtempSync(join(tmpdir(), 'reformkit-temp-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('temporaries beside an output', () => {
  it('are named for their output and their process', () => {
    expect(tempPath(join(base, '台账.zip'))).toMatch(
      new RegExp(`/\\.台账\\.zip\\.reformkit-${process.pid}-[0-9a-f]{8}\\.tmp$`),
    )
  })

  it('of a dead process are removed by the next run; a live one is kept', async () => {
    const target = join(base, 'copy')
    const dead = join(base, '.copy.reformkit-999999999-abcd1234.tmp')
    const own = tempPath(target)
    mkdirSync(dead)
    writeFileSync(join(dead, 'half.txt'), 'x')
    mkdirSync(own)
    await removeStaleTemps(target)
    expect(existsSync(dead)).toBe(false)
    expect(existsSync(own)).toBe(true)
    removeOwnTempsSync(target)
    expect(existsSync(own)).toBe(false)
  })

  it('are cleaned by createBundle before it writes, after a kill -9', async () => {
    const example = await loadExample()
    const out = join(base, 'bundle')
    const left = join(base, '.bundle.reformkit-999999998-0badf00d.tmp')
    mkdirSync(left)
    await createBundle({ ...example, root: exampleRoot, files: example.loaded.files, out })
    expect(existsSync(left)).toBe(false)
    expect(existsSync(join(out, 'manifest.json'))).toBe(true)
  })
})
