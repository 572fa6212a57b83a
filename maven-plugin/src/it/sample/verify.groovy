// Checks the sample built twice with the plugin: woven, tests passed, and the jar runs with a
// plain `java -cp` (no agent).
def log = new File(basedir, 'build.log').text
assert log.contains('weft: 2 classes scanned, 1 woven, 0 errors in ') : 'main classes woven on the first build'
assert log.contains('weft: 1 class scanned, 1 woven, 0 errors in ') : 'test classes woven on the first build'
assert log.contains('weft: 0 classes scanned, 0 woven, 0 errors in ') : 'nothing read again on the second build'
assert log.contains('(2 unchanged since the last weave, not read)')
assert !log.contains('weaver bug')
assert !(log =~ /Download(ing|ed) from [^\n]*dev\/weft\//) : 'weft artifacts come from this reactor only'

def reports = new File(basedir, 'target/surefire-reports/TEST-sample.KitchenTest.xml')
assert reports.isFile() : 'the JUnit tests ran'
def suite = (reports.text =~ /<testsuite [^>]*/)[0]
assert suite.contains('tests="2"') && suite.contains('failures="0"') && suite.contains('errors="0"') : suite

def repo = new File(itRepo, 'dev/weft')
def cp = [new File(basedir, 'target/sample-1.0.jar'),
          new File(repo, "weft-runtime/${weftVersion}/weft-runtime-${weftVersion}.jar"),
          new File(repo, "weft-annotations/${weftVersion}/weft-annotations-${weftVersion}.jar")]
cp.each { assert it.isFile() : "${it} exists" }
def java = new File(System.getProperty('java.home'), 'bin/java').path
def pb = new ProcessBuilder(java, '-cp', cp.join(File.pathSeparator), 'sample.Main')
pb.environment().remove('JAVA_TOOL_OPTIONS') // nothing may sneak an agent in
pb.environment().remove('JDK_JAVA_OPTIONS')
pb.redirectErrorStream(true)
def p = pb.start()
def out = p.inputStream.text
assert p.waitFor() == 0 : "java -cp failed:\n${out}"
assert out.readLines() == ['eggs ready', 'toast ready', 'tea ready'] : out
return true
