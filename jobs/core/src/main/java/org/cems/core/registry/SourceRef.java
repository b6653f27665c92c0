package org.cems.core.registry;

import java.io.Serializable;

/** A source together with the enterprise it belongs to. */
public record SourceRef(Enterprise enterprise, Source source) implements Serializable {}
