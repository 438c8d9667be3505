// `reformkit` — kept to a few lines so that `--version` answers before anything loads, and
// CommonJS: an ES module as the entry costs Node's ES module loader, some 10 ms a start.
declare const __REFORMKIT_VERSION__: string

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  require('node:fs').writeSync(1, `${__REFORMKIT_VERSION__}\n`)
} else {
  // `reformkit rules | head`: the reader left; stop quietly, as Unix tools do (stdio.ts).
  const { quietWhenReaderLeaves } = require('./stdio.js') as typeof import('./stdio.js')
  quietWhenReaderLeaves()
  // The commands, from the code compiled on the last run when there is some: `validate`
  // from a file of its own, without the other commands' modules (tsup.config.ts).
  const { commandOf, loadScript } =
    require('./compile-cache.js') as typeof import('./compile-cache.js')
  const command = commandOf(process.argv)
  const commands = loadScript<typeof import('./main.js')>(
    require('node:path').join(__dirname, command === 'validate' ? 'validate.cjs' : 'cli.cjs'),
    command,
  )
  commands.exports.main(process.argv, __REFORMKIT_VERSION__).then((code) => {
    process.exitCode = code
    commands.save()
  })
}
