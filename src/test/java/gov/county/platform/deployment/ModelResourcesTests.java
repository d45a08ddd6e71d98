package gov.county.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.net.protocol.Handlers;
import org.springframework.boot.loader.net.protocol.jar.Handler;
import org.springframework.core.io.Resource;

/**
 * The same resources get the same deployment names whether the classpath is a folder (as under
 * {@code mvn spring-boot:run}), a plain jar, or Spring Boot's nested fat jar (as under
 * {@code java -jar}): switching between them against one database deploys no new version.
 */
class ModelResourcesTests {

	private static final Map<String, String> MODELS = Map.of("processes/CardProcess.bpmn", "<bpmn/>",
			"processes/sub/Decision.dmn", "<dmn/>", "forms/accept-card.form", "{}", "processes/readme.txt", "not a model");

	@Test
	void namesAreTheSameInAFolderAPlainJarAndANestedBootJar(@TempDir Path dir) throws Exception {
		Path classes = dir.resolve("classes");
		for (Map.Entry<String, String> model : MODELS.entrySet()) {
			Path file = classes.resolve(model.getKey());
			Files.createDirectories(file.getParent());
			Files.writeString(file, model.getValue(), StandardCharsets.UTF_8);
		}
		Path plainJar = jar(dir.resolve("plain.jar"), "");
		Path bootJar = jar(dir.resolve("app.jar"), "BOOT-INF/classes/");

		Map<String, Resource> fromFolder = find(classes.toUri().toURL());
		Map<String, Resource> fromPlainJar = find(plainJar.toUri().toURL());
		// the URL java -jar puts on the classpath, opened by Spring Boot's own jar and nested handlers
		Handlers.register();
		Map<String, Resource> fromBootJar = find(
				new URL(null, "jar:nested:" + bootJar + "/!BOOT-INF/classes/!/", new Handler()));

		assertThat(fromFolder).containsOnlyKeys("processes/CardProcess.bpmn", "processes/sub/Decision.dmn",
				"forms/accept-card.form");
		assertThat(fromPlainJar.keySet()).isEqualTo(fromFolder.keySet());
		assertThat(fromBootJar.keySet()).isEqualTo(fromFolder.keySet());
		try (var in = fromBootJar.get("processes/CardProcess.bpmn").getInputStream()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<bpmn/>");
		}
	}

	private static Map<String, Resource> find(URL root) throws IOException {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { root }, null)) {
			return ModelResources.find(loader);
		}
	}

	/** A jar with the models below {@code prefix}; Boot's nested classes must be stored, not deflated. */
	private static Path jar(Path path, String prefix) throws IOException {
		try (OutputStream file = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(file)) {
			if (!prefix.isEmpty()) {
				directory(jar, "BOOT-INF/");
				directory(jar, prefix);
			}
			directory(jar, prefix + "processes/");
			directory(jar, prefix + "processes/sub/");
			directory(jar, prefix + "forms/");
			for (Map.Entry<String, String> model : MODELS.entrySet()) {
				byte[] bytes = model.getValue().getBytes(StandardCharsets.UTF_8);
				JarEntry entry = new JarEntry(prefix + model.getKey());
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(bytes.length);
				CRC32 crc = new CRC32();
				crc.update(bytes);
				entry.setCrc(crc.getValue());
				jar.putNextEntry(entry);
				jar.write(bytes);
				jar.closeEntry();
			}
		}
		return path;
	}

	private static void directory(JarOutputStream jar, String name) throws IOException {
		JarEntry entry = new JarEntry(name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(0);
		entry.setCrc(0);
		jar.putNextEntry(entry);
		jar.closeEntry();
	}

}
