package io.actorbeans;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles the quick start of the README as a user would copy it, runs it, and checks
 * that it prints what the README says.
 */
class ReadmeQuickStartTests {

	private static final Path README = Path.of("..", "README.md");

	@Test
	void quickStartCompilesAndPrintsTheSeedsAnswers(@TempDir Path work) throws Exception {
		String readme = Files.readString(README);
		String source = codeBlockAfter(readme, "## Quick start", "```java");
		String expectedOutput = codeBlockAfter(readme, "It prints:", "```");
		Path file = work.resolve("QuickStart.java");
		Files.writeString(file, source);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
		int status = compiler.run(null, null, diagnostics, "-d", work.toString(), "-classpath",
				System.getProperty("java.class.path"), file.toString());
		assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(run(work)).isEqualTo(expectedOutput);
	}

	private static String run(Path classes) throws Exception {
		PrintStream standardOut = System.out;
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				ReadmeQuickStartTests.class.getClassLoader())) {
			Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
			System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
			main.invoke(null, (Object) new String[0]);
		}
		finally {
			System.setOut(standardOut);
		}
		return output.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

	private static String codeBlockAfter(String markdown, String heading, String fence) {
		int start = markdown.indexOf(fence, markdown.indexOf(heading));
		int bodyStart = markdown.indexOf('\n', start) + 1;
		int end = markdown.indexOf("```", bodyStart);
		assertThat(start).as("a %s block after '%s' in %s", fence, heading, README).isPositive();
		return markdown.substring(bodyStart, end);
	}

}
