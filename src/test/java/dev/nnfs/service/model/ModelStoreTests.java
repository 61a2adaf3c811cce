package dev.nnfs.service.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static dev.nnfs.service.model.TestModels.LOADER;
import static dev.nnfs.service.model.TestModels.model;
import static dev.nnfs.service.model.TestModels.properties;
import static dev.nnfs.service.model.TestModels.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelStoreTests {

	@TempDir
	Path dir;

	private Path file(String name, int version) {
		return dir.resolve(name).resolve(Integer.toString(version)).resolve("model.json");
	}

	private void copyIn(String name, int version, byte[] json) throws IOException {
		Files.createDirectories(file(name, version).getParent());
		Files.write(file(name, version), json);
	}

	private static int inputs(LoadedVersion<JsonNode> version) {
		return version.model().get("inputs").asInt();
	}

	// --- saving
	// -------------------------------------------------------------------------

	@Test
	void savesGiveVersionsOneTwoAndTheLatestIsServed() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		assertThat(store.save("iris", model(4))).isEqualTo(1);
		assertThat(store.save("iris", model(5))).isEqualTo(2);
		assertThat(Files.readAllBytes(file("iris", 1))).isEqualTo(model(4));
		assertThat(Files.readAllBytes(file("iris", 2))).isEqualTo(model(5));
		LoadedVersion<JsonNode> latest = store.latest("iris").orElseThrow();
		assertThat(latest.version()).isEqualTo(2);
		assertThat(inputs(latest)).isEqualTo(5);
		assertThat(latest.sha256()).isEqualTo(ModelStore.sha256(model(5))).hasSize(64);
		assertThat(inputs(store.version("iris", 1).orElseThrow())).isEqualTo(4);
		assertThat(store.models()).singleElement().satisfies((entry) -> {
			assertThat(entry.name()).isEqualTo("iris");
			assertThat(entry.state()).isEqualTo(ModelState.READY);
			assertThat(entry.latestReady()).isEqualTo(OptionalInt.of(2));
			assertThat(entry.versions()).containsExactly(new VersionEntry(1, ModelState.READY, null),
					new VersionEntry(2, ModelState.READY, null));
		});
	}

	@Test
	void aSavedVersionIsKeptUnchangedByTheNextScan() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("iris", model(4));
		LoadedVersion<JsonNode> saved = store.latest("iris").orElseThrow();
		store.scan();
		assertThat(store.latest("iris")).containsSame(saved);
	}

	@Test
	void theNextVersionFollowsTheHighestOnDisk() throws Exception {
		copyIn("iris", 7, model(4));
		ModelStore<JsonNode> store = store(dir);
		assertThat(store.save("iris", model(4))).isEqualTo(8);
	}

	@Test
	void aModelTheLoaderRefusesIsNotStored() {
		ModelStore<JsonNode> store = store(dir);
		assertThatThrownBy(() -> store.save("iris", "{\"layers\":[]}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidModelException.class)
			.hasMessageContaining("inputs");
		assertThat(dir.resolve("iris/1")).doesNotExist();
		assertThat(store.model("iris")).isEmpty();
	}

	@Test
	void aReadOnlyRepositoryRefusesWritesAndStillServes() throws Exception {
		copyIn("iris", 1, model(4));
		ModelStore<JsonNode> store = new ModelStore<>(new ModelProperties(dir, Duration.ZERO, false, ""), LOADER);
		store.start();
		assertThatThrownBy(() -> store.save("iris", model(4))).isInstanceOf(ModelStoreException.class)
			.hasMessageContaining("read-only");
		assertThatThrownBy(() -> store.deleteVersion("iris", 1)).isInstanceOf(ModelStoreException.class);
		assertThatThrownBy(() -> store.deleteModel("iris")).isInstanceOf(ModelStoreException.class);
		assertThat(store.latest("iris")).isPresent();
		assertThat(file("iris", 2)).doesNotExist();
	}

	@Test
	void theFirstSaveCreatesTheRepository() throws Exception {
		Path repository = dir.resolve("not/yet");
		ModelStore<JsonNode> store = store(repository);
		assertThat(store.loaded()).isTrue();
		assertThat(store.models()).isEmpty();
		assertThat(store.save("iris", model(4))).isEqualTo(1);
		assertThat(repository.resolve("iris/1/model.json")).exists();
	}

	// --- a full disk
	// -----------------------------------------------------------------------

	@Test
	void aWriteThatFailsLeavesNothingBehind() throws Exception {
		ModelStore.FileWriter fullDisk = (newFile, bytes) -> {
			Files.write(newFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));
			throw new IOException("No space left on device");
		};
		ModelStore<JsonNode> store = new ModelStore<>(properties(dir), LOADER, fullDisk);
		store.start();
		assertThatThrownBy(() -> store.save("iris", model(4))).isInstanceOf(ModelStoreException.class)
			.hasMessageContaining("model iris version 1")
			.hasMessageContaining("No space left on device")
			.hasMessageContaining("nothing was stored");
		try (Stream<Path> left = Files.walk(dir)) {
			assertThat(left.filter(Files::isRegularFile)).isEmpty();
		}
		assertThat(dir.resolve("iris/1")).doesNotExist();
		assertThat(store.model("iris")).isEmpty();
		store.scan();
		assertThat(store.model("iris")).isEmpty();
		// the number was given back: the next save (disk freed) takes version 1
		assertThat(store(dir).save("iris", model(4))).isEqualTo(1);
	}

	@Test
	void aVersionDirectoryThatCannotBeWrittenGivesAClearError() throws Exception {
		ModelStore.FileWriter refused = (newFile, bytes) -> {
			throw new java.nio.file.AccessDeniedException(newFile.toString());
		};
		ModelStore<JsonNode> store = new ModelStore<>(properties(dir), LOADER, refused);
		store.start();
		assertThatThrownBy(() -> store.save("iris", model(4))).isInstanceOf(ModelStoreException.class)
			.hasMessageContaining("Could not write model iris version 1")
			.hasCauseInstanceOf(java.nio.file.AccessDeniedException.class);
		assertThat(dir.resolve("iris/1")).doesNotExist();
	}

	// --- concurrency
	// -----------------------------------------------------------------------

	@Test
	void concurrentSavesTakeDistinctVersionsAndNoFileIsTorn() throws Exception {
		// two stores on one directory: two processes on a shared volume as well as two
		// threads
		ModelStore<JsonNode> first = store(dir);
		ModelStore<JsonNode> second = store(dir);
		int saves = 50;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<List<Integer>>> results = new ArrayList<>();
			for (ModelStore<JsonNode> store : List.of(first, second)) {
				results.add(pool.submit(() -> {
					go.await();
					List<Integer> versions = new ArrayList<>();
					for (int i = 0; i < saves; i++) {
						versions.add(store.save("shared", model(1000 + i)));
					}
					return versions;
				}));
			}
			go.countDown();
			Set<Integer> all = ConcurrentHashMap.newKeySet();
			for (Future<List<Integer>> result : results) {
				all.addAll(result.get(60, TimeUnit.SECONDS));
			}
			assertThat(all).hasSize(2 * saves);
			assertThat(all.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(2 * saves);
		}
		finally {
			pool.shutdownNow();
		}
		for (int version = 1; version <= 2 * saves; version++) {
			assertThat(LOADER.load("shared", version, Files.readAllBytes(file("shared", version)))).isNotNull();
		}
		try (Stream<Path> left = Files.walk(dir)) {
			assertThat(left.filter((path) -> path.getFileName().toString().endsWith(".tmp"))).isEmpty();
		}
		first.scan();
		assertThat(first.model("shared").orElseThrow().versions()).hasSize(2 * saves)
			.allSatisfy((version) -> assertThat(version.state()).isEqualTo(ModelState.READY));
	}

	@Test
	void readersSeeOneWholeVersionWhileTheModelIsReplaced() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("live", model(0));
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> writes = pool.submit(() -> {
				for (int i = 1; i <= 30; i++) {
					store.save("live", model(i));
				}
				return null;
			});
			while (!writes.isDone()) {
				LoadedVersion<JsonNode> latest = store.latest("live").orElseThrow();
				assertThat(inputs(latest)).isEqualTo(latest.version() - 1);
			}
			writes.get();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(store.latest("live").orElseThrow().version()).isEqualTo(31);
	}

	// --- scanning
	// -----------------------------------------------------------------------

	@Test
	void aHandCopiedFileIsServedAfterTheNextScan() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		copyIn("copied", 1, model(3));
		assertThat(store.model("copied")).isEmpty();
		store.scan();
		assertThat(inputs(store.latest("copied").orElseThrow())).isEqualTo(3);
	}

	@Test
	void thePollerReadsTheRepositoryWithoutARestart() throws Exception {
		ModelStore<JsonNode> store = new ModelStore<>(new ModelProperties(dir, Duration.ofMillis(20), true, ""),
				LOADER);
		store.start();
		try {
			copyIn("polled", 1, model(2));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (store.latest("polled").isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(store.latest("polled")).isPresent();
		}
		finally {
			store.close();
		}
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
				(thread) -> thread.getName().equals("nnfs-model-poll") && thread.isAlive() && !thread.isDaemon());
	}

	@Test
	void aBrokenFileIsRetriedOnceThenUnavailableWithoutHarmingOthers() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("good", model(2));
		copyIn("broken", 1, "{\"inputs\": 3, \"lay".getBytes(StandardCharsets.UTF_8));
		store.scan();
		// a copy may be in progress: not reported yet
		assertThat(store.model("broken").orElseThrow().versions())
			.containsExactly(new VersionEntry(1, ModelState.LOADING, null));
		assertThat(store.lookup("broken")).isInstanceOfSatisfying(Lookup.Unavailable.class,
				(unavailable) -> assertThat(unavailable.state()).isEqualTo(ModelState.LOADING));
		store.scan();
		ModelEntry broken = store.model("broken").orElseThrow();
		assertThat(broken.state()).isEqualTo(ModelState.UNAVAILABLE);
		assertThat(broken.versions())
			.containsExactly(new VersionEntry(1, ModelState.UNAVAILABLE, "model.json is not JSON"));
		assertThat(broken.latestReady()).isEmpty();
		assertThat(store.lookup("broken", 1))
			.isEqualTo(new Lookup.Unavailable<>(1, ModelState.UNAVAILABLE, "model.json is not JSON"));
		assertThat(store.latest("good")).isPresent();
		assertThat(store.model("good").orElseThrow().state()).isEqualTo(ModelState.READY);

		Files.write(file("broken", 1), model(3));
		store.scan();
		assertThat(inputs(store.latest("broken").orElseThrow())).isEqualTo(3);
		assertThat(store.model("broken").orElseThrow().state()).isEqualTo(ModelState.READY);
	}

	@Test
	void aFileStillBeingCopiedStartsOverWhenItChanges() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		copyIn("slow", 1, "{\"in".getBytes(StandardCharsets.UTF_8));
		store.scan();
		Files.write(file("slow", 1), "{\"inputs\": 3, \"la".getBytes(StandardCharsets.UTF_8));
		store.scan();
		assertThat(store.model("slow").orElseThrow().state()).isEqualTo(ModelState.LOADING);
		Files.write(file("slow", 1), model(3));
		store.scan();
		assertThat(store.latest("slow")).isPresent();
	}

	@Test
	void aReadyVersionOverwrittenWithBrokenContentIsServedUntilTheRetryFails() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("edited", model(2));
		Files.write(file("edited", 1), "not json".getBytes(StandardCharsets.UTF_8));
		store.scan();
		assertThat(inputs(store.latest("edited").orElseThrow())).isEqualTo(2);
		store.scan();
		assertThat(store.latest("edited")).isEmpty();
		assertThat(store.model("edited").orElseThrow().state()).isEqualTo(ModelState.UNAVAILABLE);
	}

	@Test
	void aChangedFileIsReadAgain() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		copyIn("m", 1, model(2));
		store.scan();
		Path replacement = dir.resolve("replacement.json");
		Files.write(replacement, model(9));
		Files.move(replacement, file("m", 1), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		store.scan();
		assertThat(inputs(store.latest("m").orElseThrow())).isEqualTo(9);
	}

	@Test
	void onlyNamesVersionsAndModelFilesAreRead() throws Exception {
		for (String version : List.of("0", "01", "1a", "-1", "1.0", "9999999999")) {
			Files.createDirectories(dir.resolve("m").resolve(version));
			Files.write(dir.resolve("m").resolve(version).resolve("model.json"), model(1));
		}
		Files.createDirectories(dir.resolve(".hidden/1"));
		Files.write(dir.resolve(".hidden/1/model.json"), model(1));
		Files.createDirectories(dir.resolve("m/2"));
		Files.write(dir.resolve("m/2/other.json"), model(1));
		Files.createDirectories(dir.resolve("m/3/model.json"));
		Files.write(dir.resolve("README"), new byte[] { 1 });
		Files.createDirectories(dir.resolve("empty"));
		ModelStore<JsonNode> store = store(dir);
		assertThat(store.models()).isEmpty();
		copyIn("m", 4, model(1));
		store.scan();
		assertThat(store.model("m").orElseThrow().versions()).extracting(VersionEntry::version).containsExactly(4);
	}

	@Test
	void staleTemporaryFilesAreRemovedAndFreshOnesLeftAlone() throws Exception {
		Path stale = dir.resolve("m/1/.model.json.abc.tmp");
		Path fresh = dir.resolve("m/2/.model.json.def.tmp");
		Files.createDirectories(stale.getParent());
		Files.createDirectories(fresh.getParent());
		Files.write(stale, new byte[] { '{' });
		Files.write(fresh, new byte[] { '{' });
		Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		ModelStore<JsonNode> store = store(dir);
		assertThat(store.models()).isEmpty();
		assertThat(stale).doesNotExist();
		assertThat(stale.getParent()).doesNotExist();
		assertThat(fresh).exists();
		assertThat(store.save("m", model(1))).isEqualTo(3);
	}

	// --- deleting
	// -----------------------------------------------------------------------

	@Test
	void aVersionDeletedOnDiskStopsBeingServedAtTheNextScan() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("m", model(1));
		store.save("m", model(2));
		deleteTree(dir.resolve("m/2"));
		store.scan();
		assertThat(store.latest("m").orElseThrow().version()).isEqualTo(1);
		assertThat(store.lookup("m", 2)).isEqualTo(new Lookup.UnknownVersion<>(2));
		deleteTree(dir.resolve("m"));
		store.scan();
		assertThat(store.model("m")).isEmpty();
		assertThat(store.lookup("m")).isEqualTo(new Lookup.UnknownModel<>());
	}

	@Test
	void deletesThroughTheStoreTakeEffectAtOnce() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("m", model(1));
		store.save("m", model(2));
		store.save("other", model(3));
		assertThat(store.deleteVersion("m", 2)).isTrue();
		assertThat(store.latest("m").orElseThrow().version()).isEqualTo(1);
		assertThat(dir.resolve("m/2")).doesNotExist();
		assertThat(store.deleteVersion("m", 2)).isFalse();
		assertThat(store.deleteVersion("m", 1)).isTrue();
		assertThat(store.model("m")).isEmpty();
		assertThat(dir.resolve("m")).doesNotExist();
		store.save("m", model(1));
		assertThat(store.deleteModel("m")).isTrue();
		assertThat(store.model("m")).isEmpty();
		assertThat(store.deleteModel("m")).isFalse();
		assertThat(store.deleteModel("../other")).isFalse();
		try (Stream<Path> left = Files.list(dir)) {
			assertThat(left).extracting((path) -> path.getFileName().toString()).containsExactly("other");
		}
		store.scan();
		assertThat(store.models()).extracting(ModelEntry::name).containsExactly("other");
	}

	@Test
	void aRemovedRepositoryKeepsTheLastModelsAndIsReadAgainWhenItReturns() throws Exception {
		Path repository = dir.resolve("repo");
		ModelStore<JsonNode> store = store(repository);
		store.save("kept", model(1));
		deleteTree(repository);
		store.scan();
		assertThat(store.latest("kept")).isPresent();
		store.scan();
		assertThat(store.latest("kept")).isPresent();
		Files.createDirectories(repository.resolve("new/1"));
		Files.write(repository.resolve("new/1/model.json"), model(5));
		store.scan();
		assertThat(store.models()).extracting(ModelEntry::name).containsExactly("new");
	}

	@Test
	void writesWhileTheRepositoryIsGoneAreRefusedAndDoNotMakeItAgain() throws Exception {
		Path repository = dir.resolve("repo");
		Path away = dir.resolve("repo.away");
		ModelStore<JsonNode> store = store(repository);
		store.save("kept", model(1));
		store.save("other", model(2));
		Files.move(repository, away);
		store.scan();
		assertThatThrownBy(() -> store.save("kept", model(3))).isInstanceOf(ModelStoreException.class)
			.hasMessageContaining("missing");
		assertThatThrownBy(() -> store.save("fresh", model(3))).isInstanceOf(ModelStoreException.class);
		assertThatThrownBy(() -> store.deleteModel("other")).isInstanceOf(ModelStoreException.class);
		assertThatThrownBy(() -> store.deleteVersion("kept", 1)).isInstanceOf(ModelStoreException.class);
		assertThat(repository).doesNotExist();
		assertThat(store.latest("kept")).isPresent();
		assertThat(store.latest("other")).isPresent();
		Files.move(away, repository);
		store.scan();
		assertThat(store.models()).extracting(ModelEntry::name).containsExactly("kept", "other");
		assertThat(store.save("kept", model(3))).isEqualTo(2);
	}

	@Test
	void aRepositoryGoneBeforeTheFirstScanNoticesItIsRefusedToo() throws Exception {
		Path repository = dir.resolve("repo");
		ModelStore<JsonNode> store = store(repository);
		store.save("kept", model(1));
		deleteTree(repository);
		assertThatThrownBy(() -> store.save("kept", model(2))).isInstanceOf(ModelStoreException.class);
		assertThat(repository).doesNotExist();
	}

	// --- names and links
	// -------------------------------------------------------------------

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", "...", "../x", "..\\x", "a/b", "a\\b", "/abs", ".hidden", "-x", "_x", "a b",
			"caf\u00e9", "\u0438\u043c\u044f", "a\u0000b", "a\nb", "x\u2028",
			"a2345678901234567890123456789012345678901234567890123456789012345" })
	void badNamesAreRefusedBeforeAnyFileIsTouched(String name) throws Exception {
		// a regular file as the repository: any file access would fail differently
		Path notADirectory = Files.write(dir.resolve("file"), new byte[0]);
		ModelStore<JsonNode> store = new ModelStore<>(properties(notADirectory), LOADER);
		assertThat(ModelNames.isValid(name)).isFalse();
		assertThatThrownBy(() -> store.save(name, model(1))).isExactlyInstanceOf(InvalidModelNameException.class)
			.hasMessage(ModelNames.RULE);
		assertThat(store.deleteModel(name)).isFalse();
		assertThat(store.deleteVersion(name, 1)).isFalse();
		assertThat(store.load(name)).isEmpty();
		assertThat(store.unload(name)).isFalse();
		assertThat(store.model(name)).isEmpty();
		assertThat(store.lookup(name)).isEqualTo(new Lookup.UnknownModel<>());
		assertThat(dir.getParent().resolve("x")).doesNotExist();
		try (Stream<Path> left = Files.list(dir)) {
			assertThat(left).containsExactly(notADirectory);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "A", "0", "iris", "iris-v2.final_1", "a..b", "a.",
			"a234567890123456789012345678901234567890123456789012345678901234" })
	void goodNames(String name) {
		assertThat(ModelNames.isValid(name)).isTrue();
	}

	@Test
	void linksLeadingOutOfTheRepositoryAreNotFollowed() throws Exception {
		Path repository = Files.createDirectories(dir.resolve("repo"));
		Path outside = Files.createDirectories(dir.resolve("outside"));
		Files.createDirectories(outside.resolve("1"));
		Files.write(outside.resolve("1/model.json"), model(1));
		Files.write(outside.resolve("secret.json"), model(2));
		Files.createSymbolicLink(repository.resolve("linked-model"), outside);
		Files.createDirectories(repository.resolve("m"));
		Files.createSymbolicLink(repository.resolve("m/1"), outside.resolve("1"));
		Files.createDirectories(repository.resolve("m/2"));
		Files.createSymbolicLink(repository.resolve("m/2/model.json"), outside.resolve("secret.json"));
		// a link inside the repository is followed
		Files.createDirectories(repository.resolve("m/3"));
		Files.write(repository.resolve("m/3/real.json"), model(3));
		Files.createDirectories(repository.resolve("m/4"));
		Files.createSymbolicLink(repository.resolve("m/4/model.json"), repository.resolve("m/3/real.json"));

		ModelStore<JsonNode> store = store(repository);
		assertThat(store.model("linked-model")).isEmpty();
		assertThat(store.model("m").orElseThrow().versions()).extracting(VersionEntry::version).containsExactly(4);
		assertThatThrownBy(() -> store.save("linked-model", model(1))).isInstanceOf(ModelStoreException.class)
			.hasMessageContaining("outside");
		assertThat(outside.resolve("2")).doesNotExist();
		// deleting through a link removes the link, never what it points at
		assertThat(store.deleteModel("linked-model")).isTrue();
		assertThat(repository.resolve("linked-model")).doesNotExist();
		assertThat(outside.resolve("1/model.json")).exists();
		assertThat(store.deleteVersion("m", 1)).isTrue();
		assertThat(outside.resolve("1/model.json")).exists();
	}

	// --- lookups, load and unload
	// ----------------------------------------------------------

	@Test
	void lookupsTellUnknownModelsVersionsAndUnavailableOnesApart() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("m", model(1));
		copyIn("m", 2, "[]".getBytes(StandardCharsets.UTF_8));
		store.scan();
		store.scan();
		assertThat(store.lookup("nope")).isEqualTo(new Lookup.UnknownModel<>());
		assertThat(store.lookup("m", 3)).isEqualTo(new Lookup.UnknownVersion<>(3));
		assertThat(store.lookup("m", 2)).isInstanceOf(Lookup.Unavailable.class);
		assertThat(store.lookup("m")).isInstanceOfSatisfying(Lookup.Found.class,
				(found) -> assertThat(found.version().version()).isEqualTo(1));
		assertThat(store.lookup("m", 1)).isInstanceOf(Lookup.Found.class);
		assertThat(store.version("m", 2)).isEmpty();
		assertThat(store.version("m", 0)).isEmpty();
		assertThat(store.model("m").orElseThrow().latestReady()).isEqualTo(OptionalInt.of(1));
	}

	@Test
	void anUnloadedModelIsListedButNotServedUntilLoaded() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("m", model(1));
		assertThat(store.unload("m")).isTrue();
		assertThat(store.unload("nope")).isFalse();
		assertThat(store.latest("m")).isEmpty();
		assertThat(store.lookup("m"))
			.isEqualTo(new Lookup.Unavailable<>(1, ModelState.UNLOADED, "the model is unloaded"));
		store.scan();
		assertThat(store.model("m").orElseThrow().state()).isEqualTo(ModelState.UNLOADED);
		assertThat(store.save("m", model(2))).isEqualTo(2);
		assertThat(store.latest("m")).isEmpty();
		assertThat(file("m", 1)).exists();

		ModelEntry loaded = store.load("m").orElseThrow();
		assertThat(loaded.state()).isEqualTo(ModelState.READY);
		assertThat(loaded.latestReady()).isEqualTo(OptionalInt.of(2));
		assertThat(inputs(store.latest("m").orElseThrow())).isEqualTo(2);
		assertThat(store.load("nope")).isEmpty();
	}

	@Test
	void loadReadsFilesAgainAndReportsFailuresAtOnce() throws Exception {
		ModelStore<JsonNode> store = store(dir);
		store.save("m", model(1));
		Files.write(file("m", 1), "{}".getBytes(StandardCharsets.UTF_8));
		ModelEntry entry = store.load("m").orElseThrow();
		assertThat(entry.state()).isEqualTo(ModelState.UNAVAILABLE);
		assertThat(entry.versions())
			.containsExactly(new VersionEntry(1, ModelState.UNAVAILABLE, "\"inputs\" is missing or not an integer"));
	}

	private static void deleteTree(Path tree) throws IOException {
		try (Stream<Path> paths = Files.walk(tree)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
