// Checks the fat-jar recipe: one jar holding the application, the runtime and the agent, whose
// manifest starts the agent, runs its @Async code with a plain `java -jar` and no -javaagent.
import java.util.jar.JarFile

def jar = new File(basedir, 'target/fat-jar-1.0.jar')
assert jar.isFile() : 'the shaded jar replaces the module jar'
new JarFile(jar).withCloseable { j ->
    def attributes = j.manifest.mainAttributes
    assert attributes.getValue('Main-Class') == 'app.Main'
    assert attributes.getValue('Launcher-Agent-Class') == 'dev.weft.agent.WeftAgent'
    assert j.getEntry('dev/weft/Weft.class') != null : 'the runtime is in the jar'
    assert j.getEntry('dev/weft/agent/WeftAgent.class') != null : 'the agent is in the jar'
    assert j.getEntry('dev/weft/shaded/asm/ClassReader.class') != null : 'with its relocated ASM'
    assert !j.entries().toList().any { it.name.startsWith('org/objectweb/asm/') } : 'no second, plain ASM'
}
def log = new File(basedir, 'build.log').text
assert !(log =~ /Download(ing|ed) from [^\n]*dev\/weft\//) : 'weft artifacts come from this reactor only'

def java = new File(System.getProperty('java.home'), 'bin/java').path
def pb = new ProcessBuilder(java, '-jar', jar.path)
pb.environment().remove('JAVA_TOOL_OPTIONS') // nothing may sneak an agent in
pb.environment().remove('JDK_JAVA_OPTIONS')
pb.redirectErrorStream(true)
def p = pb.start()
def out = p.inputStream.text
assert p.waitFor() == 0 : "java -jar failed:\n${out}"
assert out.readLines() == ['hello ada', 'hello bob', 'hello cy'] : out
return true
