package dev.nnfs.service.model;

/** The state of a model version, or of a model as a whole. */
public enum ModelState {

	/**
	 * The file failed to load once and is tried again at the next poll (it may be a copy
	 * still in progress); not served.
	 */
	LOADING,

	/** Loaded and served. */
	READY,

	/** The file failed to load twice, unchanged; not served. The entry has a reason. */
	UNAVAILABLE,

	/** Unloaded through the API: kept on disk, not served until loaded again. */
	UNLOADED

}
