// failOnError=false warned and built; the default then failed the build at the weave goal,
// naming the site of the await and what to change.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/bad/Locked.java').readLines()
def line = source.findIndexOf { it.contains('Weft.await(f) + 1') } + 1
def site = "bad.Locked.held(Locked.java:${line})"
assert log.contains("[WARNING] weft: cannot weave ${site}: ") : "warned about ${site} with failOnError=false"
assert log.contains('[WARNING] weft: 1 class scanned, 1 woven, 1 error in') ||
       log.contains('[WARNING] weft: 1 class scanned, 0 woven, 1 error in') : 'summary of the first build'
assert log.contains("[ERROR] weft: cannot weave ${site}: ") : "the error names ${site}"
assert log.contains('synchronized') && log.contains('use dev.weft.sync.Lock instead') : 'says what to change'
assert log.contains('[ERROR] weft: 0 classes scanned, 0 woven, 1 error in') : 're-reported from the stamp, not re-read'
assert log.contains('BUILD FAILURE')
assert log.contains(':weave (default) on project await-in-synchronized: weft: 1 class could not be woven or read:')
assert log.contains("  weft: cannot weave ${site}: ") : 'the failure message lists it too'
return true
