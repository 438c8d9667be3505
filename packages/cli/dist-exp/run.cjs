const vm = require('node:vm'), fs = require('node:fs'), path = require('node:path'), Module = require('node:module')
const file = path.join(__dirname, 'all.cjs'), cacheFile = '/tmp/pv/all.cache'
const code = fs.readFileSync(file, 'utf8')
let cachedData
try { cachedData = fs.readFileSync(cacheFile) } catch {}
const script = new vm.Script(Module.wrap(code), { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER })
if (process.env.SHOWREJ) console.error('rejected', script.cachedDataRejected, !!cachedData)
const fn = script.runInThisContext()
const mod = { exports: {} }
fn.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, __dirname)
mod.exports.main(process.argv, '0.0.0').then((code) => {
  process.exitCode = code
  if (!cachedData || script.cachedDataRejected) fs.writeFileSync(cacheFile, script.createCachedData())
})
