package gov.county.platform.deployment;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the diagrams, decision tables and forms on the classpath and names each by its path below
 * the classpath root ({@code processes/InteractionCardProcess.bpmn}, {@code forms/accept-card.form}).
 * The name is the same whether the classpath is a folder ({@code mvn spring-boot:run}), a plain jar
 * or Spring Boot's nested fat jar ({@code java -jar}), so switching between them against one
 * database deploys nothing new.
 */
final class ModelResources {

	static final String[] FOLDERS = { "processes", "forms" };

	static final String[] SUFFIXES = { ".bpmn", ".dmn", ".form" };

	private ModelResources() {
	}

	static Map<String, Resource> find(ClassLoader classLoader) throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		Map<String, Resource> byName = new TreeMap<>();
		for (String folder : FOLDERS) {
			for (Resource root : resolver.getResources("classpath*:" + folder + "/")) {
				String rootUrl = root.getURL().toString();
				for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*")) {
					String url = resource.getURL().toString();
					if (!url.startsWith(rootUrl) || !hasModelSuffix(url)) {
						continue;
					}
					String name = folder + "/" + url.substring(rootUrl.length());
					Resource previous = byName.putIfAbsent(name, resource);
					if (previous != null && !previous.getURL().equals(resource.getURL())) {
						throw new IllegalStateException("Two classpath entries carry " + name + ": " + previous.getURL()
								+ " and " + resource.getURL());
					}
				}
			}
		}
		return byName;
	}

	private static boolean hasModelSuffix(String url) {
		for (String suffix : SUFFIXES) {
			if (url.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

}
