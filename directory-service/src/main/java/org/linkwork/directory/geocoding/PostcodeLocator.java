package org.linkwork.directory.geocoding;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.events.Postcodes;

/**
 * Places postcodes on the map. Sources are tried in order: the offline table (if a file is
 * configured), the addresses already in the directory, then the postcodes.io-compatible API (if a
 * URL is configured). The table loads in the background at start-up; the first look-up waits for it.
 */
@ApplicationScoped
public class PostcodeLocator {

    private static final Logger LOG = Logger.getLogger(PostcodeLocator.class);

    /** A CSV file in ONS Postcode Directory or Code-Point Open layout; {@code classpath:} for a bundled one. */
    @ConfigProperty(name = "linkwork.directory.geocoding.postcode-file")
    Optional<String> postcodeFile;

    /** Base URL of a postcodes.io-compatible API, e.g. https://api.postcodes.io; none by default. */
    @ConfigProperty(name = "linkwork.directory.geocoding.postcode-api-url")
    Optional<String> postcodeApiUrl;

    @ConfigProperty(name = "linkwork.directory.geocoding.postcode-api-timeout", defaultValue = "2s")
    Duration apiTimeout;

    final AgroalDataSource dataSource;
    private volatile CompletableFuture<Optional<PostcodeTable>> table = CompletableFuture.completedFuture(Optional.empty());
    private volatile PostcodesIo api;

    PostcodeLocator(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        postcodeFile.filter(f -> !f.isBlank()).ifPresent(f -> table = CompletableFuture.supplyAsync(() -> load(f)));
        api = postcodeApiUrl.filter(u -> !u.isBlank()).map(u -> new PostcodesIo(u, apiTimeout)).orElse(null);
    }

    /** The position of a full UK postcode, or empty when it is not one or no source knows it. */
    public Optional<Located> locate(String postcode) {
        if (postcode == null || Postcodes.districtOf(postcode).isEmpty()) {
            return Optional.empty();
        }
        String canonical = Postcodes.normalise(postcode);
        for (PostcodeSource source : sources()) {
            Optional<Position> p = source.locate(canonical);
            if (p.isPresent()) {
                return Optional.of(new Located(canonical, p.get(), source.name()));
            }
        }
        return Optional.empty();
    }

    private List<PostcodeSource> sources() {
        List<PostcodeSource> sources = new ArrayList<>(3);
        table.join().ifPresent(sources::add);
        sources.add(new DirectoryAddresses(dataSource));
        if (api != null) {
            sources.add(api);
        }
        return sources;
    }

    private static Optional<PostcodeTable> load(String file) {
        long started = System.nanoTime();
        try (Reader reader = open(file)) {
            PostcodeTable t = PostcodeTable.read(reader, "postcode table");
            LOG.infof("Loaded %d postcodes from the offline table in %d ms", t.size(), (System.nanoTime() - started) / 1_000_000);
            return Optional.of(t);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Could not load the postcode table %s (%s); postcodes are placed from the other sources only",
                    file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Reader open(String file) throws IOException {
        if (file.startsWith("classpath:")) {
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file.substring("classpath:".length()));
            if (in == null) {
                throw new IOException("no such resource");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(file), StandardCharsets.ISO_8859_1);
    }
}
