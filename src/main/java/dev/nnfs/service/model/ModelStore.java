package dev.nnfs.service.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model repository: a directory of {@code <name>/<version>/model.json} files, read at
 * start, polled for changes, and written atomically.
 * <h2>Reading</h2> Serving reads ({@link #lookup}, {@link #latest}, {@link #version},
 * {@link #models}) take no lock: they read one immutable snapshot, which scans and writes
 * replace as a whole, so a call answers wholly from one version even while the model is
 * replaced. A scan re-reads only files whose size, modification time or file key (inode)
 * changed. Anything that is not a valid name directory, a version directory ({@code 1},
 * {@code 2}, ...) or a {@code model.json} is ignored, and so is a file whose real path
 * (symbolic links resolved) is outside the repository.
 * <p>
 * A file that fails to load is tried again at the next scan before it is reported (it may
 * be a copy in progress): meanwhile the version is {@link ModelState#LOADING} (or, if an
 * earlier content of the file was READY, that content is still served). If it fails again
 * unchanged, the version is {@link ModelState#UNAVAILABLE} with the loader's reason; a
 * changed file starts over. Other models are never affected.
 * <p>
 * If the repository directory disappears (or stops being a directory), the store keeps
 * serving what it last read, logs it once, and reads the directory again when it returns:
 * a volume briefly gone should not take every model down. Saves and deletes meanwhile are
 * refused with a {@link ModelStoreException}: the directory is never made again once it
 * has existed, so the models come back whole when it returns. A directory that is present
 * but empty does remove every model.
 * <p>
 * Scans, and the moment a write swaps its result in, take turns on one lock; a scan holds
 * it while it loads the files that changed.
 * <h2>Writing</h2> {@link #save} takes the next version by creating its directory with
 * {@link Files#createDirectory}, which fails if another writer (a thread, or another
 * process on a shared volume) took the number first; the loser tries the next one. The
 * definition is written to a temporary file in the version directory, forced to disk, and
 * renamed to {@code model.json} atomically, so no reader ever sees a torn file. On a
 * failure (a full disk) the temporary file and the version directory are removed and a
 * {@link ModelStoreException} is thrown. Temporary files left by a crash are ignored by
 * scans and removed once stale. Deletes rename the directory away atomically first, then
 * remove it.
 * <p>
 * {@link #unload} and {@link #load} are per process and are forgotten at restart: an
 * unloaded model stays on disk and in listings, and is not served (its loaded form is
 * dropped) until loaded again.
 *
 * @param <T> the loaded form, made by the {@link ModelLoader}
 */
public final class ModelStore<T> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ModelStore.class);

	/** The file of a version. */
	public static final String MODEL_FILE = "model.json";

	static final String TEMP_PREFIX = ".model.json.";

	static final String TEMP_SUFFIX = ".tmp";

	static final String DELETING_PREFIX = ".deleting-";

	/** Temporary files and half-deleted directories older than this are removed. */
	static final Duration STALE_AGE = Duration.ofMinutes(10);

	/** How many version numbers a save tries when other writers take them first. */
	static final int MAX_SAVE_ATTEMPTS = 64;

	/** The largest file a scan reads into memory. */
	static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

	/** Writes bytes to a new file; the seam tests use to fill the disk. */
	@FunctionalInterface
	interface FileWriter {

		void write(Path newFile, byte[] bytes) throws IOException;

	}

	private final Path root;

	private final Duration pollInterval;

	private final boolean writable;

	private final ModelLoader<T> loader;

	private final FileWriter writer;

	/** Held by scans and by the snapshot updates of writes; never by reads. */
	private final ReentrantLock lock = new ReentrantLock();

	private volatile Snapshot<T> snapshot = new Snapshot<>(Collections.emptySortedMap());

	private volatile boolean loaded;

	/** Names unloaded through the API. Guarded by {@link #lock}. */
	private final Set<String> unloaded = new HashSet<>();

	/** Problems already logged, so each is logged once. Guarded by {@link #lock}. */
	private final Set<String> reported = new HashSet<>();

	/** Whether the last scan found no repository directory. Guarded by {@link #lock}. */
	private boolean rootMissing;

	/**
	 * Whether the repository directory has existed since start (found by a scan or
	 * created by a save). Once it has, writes never create it again: a directory that
	 * disappears is a volume gone or moved, and a fresh empty one in its place would hide
	 * every model when the volume returns.
	 */
	private volatile boolean rootSeen;

	private ScheduledExecutorService poller;

	public ModelStore(ModelProperties properties, ModelLoader<T> loader) {
		this(properties, loader, ModelStore::writeDurably);
	}

	ModelStore(ModelProperties properties, ModelLoader<T> loader, FileWriter writer) {
		this.root = properties.dir().toAbsolutePath().normalize();
		this.pollInterval = properties.pollInterval();
		this.writable = properties.writable();
		this.loader = loader;
		this.writer = writer;
	}

	// --- life cycle ------------------------------------------------------------------

	/**
	 * Reads the repository once, then polls it every poll interval (unless 0) on one
	 * daemon thread. Returns after the first read, so a caller that starts the store
	 * before reporting readiness is ready with every model loaded.
	 */
	public synchronized void start() {
		scan();
		if (poller == null && !pollInterval.isZero()) {
			poller = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "nnfs-model-poll");
				thread.setDaemon(true);
				return thread;
			});
			long millis = Math.max(1, pollInterval.toMillis());
			poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
			log.info("Polling model repository {} every {}", root, pollInterval);
		}
	}

	/** Stops polling; waits briefly for a scan in progress. */
	@Override
	public synchronized void close() {
		if (poller != null) {
			poller.shutdownNow();
			try {
				poller.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			poller = null;
		}
	}

	/** Whether the first read of the repository is done. */
	public boolean loaded() {
		return loaded;
	}

	/** The repository directory, absolute. */
	public Path root() {
		return root;
	}

	/** Whether saves and deletes are allowed ({@code nnfs.models.writable}). */
	public boolean writable() {
		return writable;
	}

	private void poll() {
		try {
			scan();
		}
		catch (RuntimeException ex) {
			log.error("Model repository scan failed; trying again at the next poll", ex);
		}
	}

	// --- queries (lock-free) -----------------------------------------------------------

	/** Every model, by name. */
	public List<ModelEntry> models() {
		List<ModelEntry> entries = new ArrayList<>();
		for (ModelRecord<T> model : snapshot.models().values()) {
			entries.add(model.entry());
		}
		return entries;
	}

	/** One model's entry; empty if there is no such model (or the name is not valid). */
	public Optional<ModelEntry> model(String name) {
		return Optional.ofNullable(snapshot.models().get(name)).map(ModelRecord::entry);
	}

	/** The highest READY version of a model. */
	public Optional<LoadedVersion<T>> latest(String name) {
		ModelRecord<T> model = snapshot.models().get(name);
		return Optional.ofNullable((model != null) ? model.latest() : null);
	}

	/** One version, if it is READY. */
	public Optional<LoadedVersion<T>> version(String name, int version) {
		ModelRecord<T> model = snapshot.models().get(name);
		VersionRecord<T> record = (model != null) ? model.versions().get(version) : null;
		return Optional.ofNullable((record != null) ? record.loaded() : null);
	}

	/** What a call to the model's latest READY version finds. */
	public Lookup<T> lookup(String name) {
		ModelRecord<T> model = snapshot.models().get(name);
		if (model == null) {
			return new Lookup.UnknownModel<>();
		}
		if (model.latest() != null) {
			return new Lookup.Found<>(model.latest());
		}
		ModelEntry entry = model.entry();
		return new Lookup.Unavailable<>(model.versions().lastKey(), entry.state(), entry.reason());
	}

	/** What a call to one version finds. */
	public Lookup<T> lookup(String name, int version) {
		ModelRecord<T> model = snapshot.models().get(name);
		if (model == null) {
			return new Lookup.UnknownModel<>();
		}
		VersionRecord<T> record = model.versions().get(version);
		if (record == null) {
			return new Lookup.UnknownVersion<>(version);
		}
		if (record.loaded() != null) {
			return new Lookup.Found<>(record.loaded());
		}
		String reason = (record.reason() != null) ? record.reason()
				: "version " + version + " is loading; try again shortly";
		return new Lookup.Unavailable<>(version, record.state(), reason);
	}

	// --- scanning
	// -----------------------------------------------------------------------

	/**
	 * Reads the repository now: new, changed and deleted files take effect when this
	 * returns. The poller calls it; tests call it instead of waiting for a poll.
	 */
	public void scan() {
		lock.lock();
		try {
			Path realRoot = realRoot();
			if (realRoot == null) {
				return;
			}
			Snapshot<T> old = snapshot;
			SortedMap<String, ModelRecord<T>> models = new TreeMap<>();
			try (DirectoryStream<Path> names = Files.newDirectoryStream(root)) {
				for (Path nameDir : names) {
					String name = nameDir.getFileName().toString();
					if (!ModelNames.isValid(name)) {
						removeIfStaleDeleting(nameDir);
						continue;
					}
					if (!Files.isDirectory(nameDir)) {
						continue;
					}
					ModelRecord<T> before = old.models().get(name);
					try {
						ModelRecord<T> model = readModel(name, nameDir, realRoot, before, false);
						if (model != null) {
							models.put(name, model);
						}
						reported.remove("model:" + name);
					}
					catch (IOException | DirectoryIteratorException ex) {
						if (reported.add("model:" + name)) {
							log.warn("Could not read model directory {}: {}; keeping what was read before", nameDir,
									LogText.escape(String.valueOf(ex.getMessage())));
						}
						if (before != null) {
							models.put(name, before);
						}
					}
				}
			}
			catch (IOException | DirectoryIteratorException ex) {
				if (reported.add("root")) {
					log.warn("Could not list model repository {}: {}; serving what was read before", root,
							LogText.escape(String.valueOf(ex.getMessage())));
				}
				return;
			}
			reported.remove("root");
			unloaded.retainAll(models.keySet());
			publish(new Snapshot<>(Collections.unmodifiableSortedMap(models)));
		}
		finally {
			loaded = true;
			lock.unlock();
		}
	}

	/** The repository's real path, or null (reported once) if it is not a directory. */
	private Path realRoot() {
		Path realRoot = null;
		try {
			if (Files.isDirectory(root)) {
				realRoot = root.toRealPath();
			}
		}
		catch (IOException ex) {
			realRoot = null;
		}
		if (realRoot == null) {
			if (!rootMissing) {
				rootMissing = true;
				if (!loaded) {
					log.info("Model repository {} does not exist (yet): no models; a save creates it", root);
				}
				else {
					log.warn("Model repository {} is gone; serving the models last read from it until it returns",
							root);
				}
			}
			return null;
		}
		rootSeen = true;
		if (rootMissing) {
			rootMissing = false;
			if (loaded) {
				log.info("Model repository {} is there (again); reading it", root);
			}
		}
		return realRoot;
	}

	/**
	 * Reads one model directory; null if it holds no version. With {@code force}, every
	 * file is read again and a failure is reported at once (an explicit load).
	 */
	private ModelRecord<T> readModel(String name, Path nameDir, Path realRoot, ModelRecord<T> before, boolean force)
			throws IOException {
		boolean isUnloaded = unloaded.contains(name);
		SortedMap<Integer, VersionRecord<T>> versions = new TreeMap<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(nameDir)) {
			for (Path versionDir : entries) {
				int version = ModelNames.parseVersion(versionDir.getFileName().toString());
				if (version < 0) {
					removeIfStaleDeleting(versionDir);
					continue;
				}
				Fingerprint fingerprint = fingerprint(versionDir.resolve(MODEL_FILE), realRoot);
				if (fingerprint == null) {
					removeStaleTemporaryFiles(versionDir);
					continue;
				}
				if (isUnloaded) {
					versions.put(version, VersionRecord.unloaded(version));
					continue;
				}
				VersionRecord<T> previous = (before != null) ? before.versions().get(version) : null;
				VersionRecord<T> record = readVersion(name, version, fingerprint, previous, force);
				if (record != null) {
					versions.put(version, record);
				}
			}
		}
		return versions.isEmpty() ? null : new ModelRecord<>(name, isUnloaded, versions);
	}

	/**
	 * A file's fingerprint, or null if it is absent, not a regular file, or leads outside
	 * the repository.
	 */
	private Fingerprint fingerprint(Path file, Path realRoot) {
		try {
			Path real = file.toRealPath();
			if (!real.startsWith(realRoot)) {
				if (reported.add("outside:" + file)) {
					log.warn("Ignoring {}: it leads outside the model repository", file);
				}
				return null;
			}
			BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return null;
			}
			return new Fingerprint(real, attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			if (reported.add("stat:" + file)) {
				log.warn("Could not read {}: {}", file, LogText.escape(String.valueOf(ex.getMessage())));
			}
			return null;
		}
	}

	/**
	 * One version: kept if unchanged, else read and loaded; null if the file vanished.
	 */
	private VersionRecord<T> readVersion(String name, int version, Fingerprint fingerprint, VersionRecord<T> previous,
			boolean force) {
		if (!force && previous != null && fingerprint.equals(previous.fingerprint())) {
			if (previous.state() == ModelState.READY) {
				return previous.withoutPendingFailure();
			}
			if (previous.state() == ModelState.UNAVAILABLE) {
				return previous;
			}
		}
		String failure;
		try {
			if (fingerprint.size() > MAX_FILE_BYTES) {
				throw new InvalidModelException("model.json is too large to read (" + fingerprint.size() + " bytes)");
			}
			byte[] bytes = Files.readAllBytes(fingerprint.path());
			T model = loader.load(name, version, bytes);
			if (model == null) {
				throw new IllegalStateException("the model loader returned null");
			}
			return VersionRecord.ready(version, fingerprint,
					new LoadedVersion<>(name, version, model, sha256(bytes), fingerprint.modified().toInstant()));
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (InvalidModelException ex) {
			failure = ex.reason();
		}
		catch (IOException ex) {
			log.debug("Could not read {}", fingerprint.path(), ex);
			failure = "model.json could not be read";
		}
		catch (RuntimeException ex) {
			log.error("Loading model {} version {} failed unexpectedly", name, version, ex);
			failure = "model.json could not be loaded (internal error)";
		}
		boolean retried = previous != null && fingerprint.equals(previous.failedAttempt());
		if (force || retried) {
			return VersionRecord.unavailable(version, fingerprint, failure);
		}
		if (previous != null && previous.state() == ModelState.READY) {
			return previous.withPendingFailure(fingerprint);
		}
		return VersionRecord.loading(version, fingerprint);
	}

	private void removeStaleTemporaryFiles(Path versionDir) {
		if (!Files.isDirectory(versionDir, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		boolean removed = false;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(versionDir,
				(entry) -> isTemporary(entry.getFileName().toString()))) {
			for (Path temporary : entries) {
				if (isStale(temporary)) {
					removed |= Files.deleteIfExists(temporary);
				}
			}
		}
		catch (IOException | DirectoryIteratorException ex) {
			log.debug("Could not clean {}", versionDir, ex);
		}
		if (removed) {
			// the directory of a save that crashed before its rename: nothing else in it
			deleteIfEmpty(versionDir);
			log.info("Removed stale temporary files of an unfinished save in {}", versionDir);
		}
	}

	private void removeIfStaleDeleting(Path entry) {
		if (entry.getFileName().toString().startsWith(DELETING_PREFIX) && isStale(entry)) {
			deleteTree(entry);
		}
	}

	private static boolean isTemporary(String fileName) {
		return fileName.startsWith(TEMP_PREFIX) && fileName.endsWith(TEMP_SUFFIX);
	}

	private static boolean isStale(Path path) {
		try {
			FileTime modified = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
			return modified.toInstant().isBefore(Instant.now().minus(STALE_AGE));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Swaps the snapshot in and logs what changed. Call with {@link #lock} held. */
	private void publish(Snapshot<T> next) {
		Snapshot<T> previous = snapshot;
		snapshot = next;
		logChanges(previous, next);
	}

	private static <T> void logChanges(Snapshot<T> before, Snapshot<T> after) {
		for (ModelRecord<T> model : after.models().values()) {
			ModelRecord<T> old = before.models().get(model.name());
			for (VersionRecord<T> version : model.versions().values()) {
				VersionRecord<T> was = (old != null) ? old.versions().get(version.version()) : null;
				if (version.state() == ModelState.READY
						&& (was == null || was.loaded() == null || was.loaded() != version.loaded())) {
					log.info("Model {} version {} is ready", model.name(), version.version());
				}
				else if (version.state() == ModelState.UNAVAILABLE
						&& (was == null || was.state() != ModelState.UNAVAILABLE)) {
					log.warn("Model {} version {} is unavailable: {}", model.name(), version.version(),
							LogText.escape(version.reason()));
				}
			}
			if (old != null) {
				for (Integer gone : old.versions().keySet()) {
					if (!model.versions().containsKey(gone)) {
						log.info("Model {} version {} is gone", model.name(), gone);
					}
				}
			}
		}
		for (String gone : before.models().keySet()) {
			if (!after.models().containsKey(gone)) {
				log.info("Model {} is gone", gone);
			}
		}
	}

	// --- writing
	// -------------------------------------------------------------------------

	/**
	 * Saves a new version of a model (creating the model if it is new) and serves it at
	 * once, unless the model is unloaded.
	 * @param name the model's name
	 * @param json the definition, stored as given
	 * @return the new version number: the highest existing one plus one
	 * @throws InvalidModelNameException if the name is not valid (before any file is
	 * touched)
	 * @throws InvalidModelException if the loader refuses the definition (nothing is
	 * stored)
	 * @throws ModelStoreException if the repository is read-only or the file could not be
	 * written (nothing is stored)
	 */
	public int save(String name, byte[] json) throws InvalidModelException {
		ModelNames.check(name);
		requireWritable();
		Path nameDir = modelDir(name);
		int version;
		Path versionDir;
		try {
			if (rootSeen) {
				requireRoot();
				requireInside(nameDir);
				try {
					// not createDirectories: a repository gone meanwhile must not be made
					// again
					Files.createDirectory(nameDir);
				}
				catch (FileAlreadyExistsException ex) {
					// the model has versions already (or another writer made it just now)
				}
			}
			else {
				Files.createDirectories(root);
				rootSeen = true;
				requireInside(nameDir);
				Files.createDirectories(nameDir);
			}
			requireInside(nameDir);
			version = 0;
			versionDir = null;
			for (int attempt = 0; attempt < MAX_SAVE_ATTEMPTS && versionDir == null; attempt++) {
				version = highestVersion(nameDir) + 1;
				if (!ModelNames.isValidVersion(version)) {
					throw new ModelStoreException("Model " + name + " has no version number left");
				}
				try {
					versionDir = Files.createDirectory(nameDir.resolve(Integer.toString(version)));
				}
				catch (FileAlreadyExistsException ex) {
					// another writer took this number: try the next
				}
			}
		}
		catch (IOException ex) {
			throw new ModelStoreException("Could not create a version of model " + name + " in " + root + ": "
					+ LogText.escape(String.valueOf(ex.getMessage())), ex);
		}
		if (versionDir == null) {
			throw new ModelStoreException("Could not take a version number for model " + name + " after "
					+ MAX_SAVE_ATTEMPTS + " attempts: other writers took every one");
		}
		boolean stored = false;
		try {
			T model = loader.load(name, version, json);
			if (model == null) {
				throw new IllegalStateException("the model loader returned null");
			}
			Fingerprint fingerprint = writeModelFile(name, version, versionDir, json);
			stored = true;
			LoadedVersion<T> loadedVersion = new LoadedVersion<>(name, version, model, sha256(json),
					fingerprint.modified().toInstant());
			lock.lock();
			try {
				ModelRecord<T> before = snapshot.models().get(name);
				boolean isUnloaded = unloaded.contains(name);
				SortedMap<Integer, VersionRecord<T>> versions = (before != null) ? new TreeMap<>(before.versions())
						: new TreeMap<>();
				versions.put(version, isUnloaded ? VersionRecord.unloaded(version)
						: VersionRecord.ready(version, fingerprint, loadedVersion));
				replaceModel(name, new ModelRecord<>(name, isUnloaded, versions));
			}
			finally {
				lock.unlock();
			}
			return version;
		}
		finally {
			if (!stored) {
				deleteIfEmpty(versionDir);
			}
		}
	}

	/**
	 * Writes model.json through a temporary file renamed into place; cleans up on
	 * failure.
	 */
	private Fingerprint writeModelFile(String name, int version, Path versionDir, byte[] json) {
		Path temporary = versionDir.resolve(TEMP_PREFIX + UUID.randomUUID() + TEMP_SUFFIX);
		Path target = versionDir.resolve(MODEL_FILE);
		try {
			writer.write(temporary, json);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				throw new IOException("the file system cannot rename files atomically", ex);
			}
			BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return new Fingerprint(target.toRealPath(), attributes.size(), attributes.lastModifiedTime(),
					attributes.fileKey());
		}
		catch (IOException ex) {
			deleteQuietly(temporary);
			deleteQuietly(target);
			throw new ModelStoreException("Could not write model " + name + " version " + version + " (" + json.length
					+ " bytes) to " + versionDir + ": " + LogText.escape(String.valueOf(ex.getMessage()))
					+ "; nothing was stored", ex);
		}
	}

	/**
	 * Deletes one version from disk and stops serving it at once.
	 * @return whether there was such a version
	 * @throws ModelStoreException if the repository is read-only or the version could not
	 * be removed
	 */
	public boolean deleteVersion(String name, int version) {
		if (!ModelNames.isValid(name) || !ModelNames.isValidVersion(version)) {
			return false;
		}
		requireWritable();
		Path nameDir = modelDir(name);
		Path versionDir = nameDir.resolve(Integer.toString(version));
		if (rootSeen) {
			requireRoot();
		}
		Path moved;
		boolean known;
		lock.lock();
		try {
			ModelRecord<T> before = snapshot.models().get(name);
			known = before != null && before.versions().containsKey(version);
			moved = moveAway(versionDir, nameDir.resolve(DELETING_PREFIX + version + "-" + UUID.randomUUID()));
			if (known) {
				SortedMap<Integer, VersionRecord<T>> versions = new TreeMap<>(before.versions());
				versions.remove(version);
				replaceModel(name, versions.isEmpty() ? null : new ModelRecord<>(name, before.unloaded(), versions));
			}
		}
		finally {
			lock.unlock();
		}
		if (moved != null) {
			deleteTree(moved);
			deleteIfEmpty(nameDir);
		}
		return known || moved != null;
	}

	/**
	 * Deletes a model and all its versions from disk and stops serving it at once.
	 * @return whether there was such a model
	 * @throws ModelStoreException if the repository is read-only or the model could not
	 * be removed
	 */
	public boolean deleteModel(String name) {
		if (!ModelNames.isValid(name)) {
			return false;
		}
		requireWritable();
		Path nameDir = modelDir(name);
		if (rootSeen) {
			requireRoot();
		}
		Path moved;
		boolean known;
		lock.lock();
		try {
			known = snapshot.models().containsKey(name);
			moved = moveAway(nameDir, root.resolve(DELETING_PREFIX + name + "-" + UUID.randomUUID()));
			unloaded.remove(name);
			if (known) {
				replaceModel(name, null);
			}
		}
		finally {
			lock.unlock();
		}
		if (moved != null) {
			deleteTree(moved);
		}
		return known || moved != null;
	}

	/**
	 * Stops serving a model (OIP repository extension {@code unload}); it stays on disk
	 * and in listings as {@link ModelState#UNLOADED}.
	 * @return whether there is such a model
	 */
	public boolean unload(String name) {
		if (!ModelNames.isValid(name)) {
			return false;
		}
		lock.lock();
		try {
			ModelRecord<T> before = snapshot.models().get(name);
			if (before == null) {
				return false;
			}
			unloaded.add(name);
			SortedMap<Integer, VersionRecord<T>> versions = new TreeMap<>();
			for (Integer version : before.versions().keySet()) {
				versions.put(version, VersionRecord.unloaded(version));
			}
			replaceModel(name, new ModelRecord<>(name, true, versions));
			log.info("Model {} unloaded", name);
			return true;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Reads a model from disk again, every version, and serves it (OIP repository
	 * extension {@code load}); undoes {@link #unload}. A version that fails to load is
	 * UNAVAILABLE at once (no retry: the load was asked for).
	 * @return the model's entry after the load, empty if it is not on disk
	 */
	public Optional<ModelEntry> load(String name) {
		if (!ModelNames.isValid(name)) {
			return Optional.empty();
		}
		lock.lock();
		try {
			unloaded.remove(name);
			Path realRoot = realRoot();
			ModelRecord<T> model = null;
			if (realRoot != null) {
				Path nameDir = modelDir(name);
				try {
					if (Files.isDirectory(nameDir)) {
						model = readModel(name, nameDir, realRoot, null, true);
					}
				}
				catch (IOException | DirectoryIteratorException ex) {
					log.warn("Could not read model directory {}: {}", nameDir,
							LogText.escape(String.valueOf(ex.getMessage())));
				}
			}
			replaceModel(name, model);
			return Optional.ofNullable(model).map(ModelRecord::entry);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Puts (or, with null, removes) one model in a new snapshot. Call with the lock held.
	 */
	private void replaceModel(String name, ModelRecord<T> model) {
		SortedMap<String, ModelRecord<T>> models = new TreeMap<>(snapshot.models());
		if (model == null) {
			models.remove(name);
		}
		else {
			models.put(name, model);
		}
		publish(new Snapshot<>(Collections.unmodifiableSortedMap(models)));
	}

	private void requireWritable() {
		if (!writable) {
			throw new ModelStoreException("The model repository is read-only (nnfs.models.writable=false)");
		}
	}

	/**
	 * Refuses a write while the repository directory is gone: the models last read from
	 * it are still served, but nothing is written to (or deleted from) a place that is
	 * not there, and no empty repository is made in its stead.
	 */
	private void requireRoot() {
		if (!Files.isDirectory(root)) {
			throw new ModelStoreException("The model repository " + root
					+ " is missing (it was there before; a volume gone or moved?); nothing was changed");
		}
	}

	/** The directory of a valid name; never outside the repository. */
	private Path modelDir(String name) {
		Path nameDir = root.resolve(ModelNames.check(name)).normalize();
		if (!nameDir.startsWith(root) || nameDir.equals(root)) {
			throw new InvalidModelNameException();
		}
		return nameDir;
	}

	/** Refuses a model directory that is a link leading outside the repository. */
	private void requireInside(Path nameDir) throws IOException {
		if (Files.exists(nameDir, LinkOption.NOFOLLOW_LINKS) && !nameDir.toRealPath().startsWith(root.toRealPath())) {
			throw new ModelStoreException("Model directory " + nameDir + " leads outside the model repository");
		}
	}

	private static int highestVersion(Path nameDir) throws IOException {
		int highest = 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(nameDir)) {
			for (Path entry : entries) {
				highest = Math.max(highest, ModelNames.parseVersion(entry.getFileName().toString()));
			}
		}
		catch (DirectoryIteratorException ex) {
			throw ex.getCause();
		}
		return highest;
	}

	/**
	 * Renames a file or directory (not following links) aside; null if it did not exist.
	 */
	private static Path moveAway(Path path, Path aside) {
		try {
			Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
			return aside;
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new ModelStoreException(
					"Could not delete " + path + ": " + LogText.escape(String.valueOf(ex.getMessage())), ex);
		}
	}

	/** Deletes a tree without following links (a link is deleted, not its target). */
	private static void deleteTree(Path tree) {
		try {
			Files.walkFileTree(tree, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			log.warn("Could not remove all of {}: {}; it is removed at a later scan", tree,
					LogText.escape(String.valueOf(ex.getMessage())));
		}
	}

	private static void deleteIfEmpty(Path dir) {
		try {
			Files.deleteIfExists(dir);
		}
		catch (DirectoryNotEmptyException ex) {
			// still in use
		}
		catch (IOException ex) {
			log.debug("Could not remove {}", dir, ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.debug("Could not remove {}", file, ex);
		}
	}

	/** The default writer: a new file, forced to disk before it is renamed into place. */
	static void writeDurably(Path newFile, byte[] bytes) throws IOException {
		try (FileChannel channel = FileChannel.open(newFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	// --- the snapshot
	// ---------------------------------------------------------------------

	/**
	 * What identifies a file's content cheaply: where it is, its size, time and inode.
	 */
	record Fingerprint(Path path, long size, FileTime modified, Object fileKey) {
	}

	/** All models, by name; never changed once published. */
	record Snapshot<T>(SortedMap<String, ModelRecord<T>> models) {
	}

	/**
	 * One version. READY: {@code loaded} set, {@code fingerprint} the loaded file's, and
	 * {@code failedAttempt} a newer content of the file that failed once. LOADING:
	 * {@code failedAttempt} the content that failed once. UNAVAILABLE:
	 * {@code fingerprint} the content that failed twice.
	 */
	record VersionRecord<T>(int version, ModelState state, String reason, Fingerprint fingerprint,
			LoadedVersion<T> loaded, Fingerprint failedAttempt) {

		static <T> VersionRecord<T> ready(int version, Fingerprint fingerprint, LoadedVersion<T> loaded) {
			return new VersionRecord<>(version, ModelState.READY, null, fingerprint, loaded, null);
		}

		static <T> VersionRecord<T> loading(int version, Fingerprint failedAttempt) {
			return new VersionRecord<>(version, ModelState.LOADING, null, null, null, failedAttempt);
		}

		static <T> VersionRecord<T> unavailable(int version, Fingerprint fingerprint, String reason) {
			return new VersionRecord<>(version, ModelState.UNAVAILABLE, reason, fingerprint, null, null);
		}

		static <T> VersionRecord<T> unloaded(int version) {
			return new VersionRecord<>(version, ModelState.UNLOADED, "the model is unloaded", null, null, null);
		}

		VersionRecord<T> withPendingFailure(Fingerprint attempt) {
			return new VersionRecord<>(version, state, reason, fingerprint, loaded, attempt);
		}

		VersionRecord<T> withoutPendingFailure() {
			return (failedAttempt == null) ? this
					: new VersionRecord<>(version, state, reason, fingerprint, loaded, null);
		}

		VersionEntry entry() {
			return new VersionEntry(version, state, reason);
		}

	}

	/**
	 * One model: its versions, its entry and its latest READY version, worked out once.
	 */
	static final class ModelRecord<T> {

		private final String name;

		private final boolean unloaded;

		private final SortedMap<Integer, VersionRecord<T>> versions;

		private final LoadedVersion<T> latest;

		private final ModelEntry entry;

		ModelRecord(String name, boolean unloaded, SortedMap<Integer, VersionRecord<T>> versions) {
			this.name = name;
			this.unloaded = unloaded;
			this.versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
			LoadedVersion<T> highest = null;
			List<VersionEntry> entries = new ArrayList<>();
			boolean anyLoading = false;
			for (VersionRecord<T> version : this.versions.values()) {
				entries.add(version.entry());
				if (version.loaded() != null) {
					highest = version.loaded();
				}
				anyLoading |= version.state() == ModelState.LOADING;
			}
			this.latest = highest;
			OptionalInt latestReady = (highest != null) ? OptionalInt.of(highest.version()) : OptionalInt.empty();
			if (highest != null) {
				this.entry = new ModelEntry(name, ModelState.READY, null, latestReady, entries);
			}
			else if (unloaded) {
				this.entry = new ModelEntry(name, ModelState.UNLOADED, "the model is unloaded", latestReady, entries);
			}
			else if (anyLoading) {
				this.entry = new ModelEntry(name, ModelState.LOADING, "a version is loading", latestReady, entries);
			}
			else {
				VersionRecord<T> last = this.versions.get(this.versions.lastKey());
				this.entry = new ModelEntry(name, ModelState.UNAVAILABLE,
						"no version can be loaded; version " + last.version() + ": " + last.reason(), latestReady,
						entries);
			}
		}

		String name() {
			return name;
		}

		boolean unloaded() {
			return unloaded;
		}

		SortedMap<Integer, VersionRecord<T>> versions() {
			return versions;
		}

		LoadedVersion<T> latest() {
			return latest;
		}

		ModelEntry entry() {
			return entry;
		}

	}

}
