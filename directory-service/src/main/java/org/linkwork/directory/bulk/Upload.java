package org.linkwork.directory.bulk;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An uploaded import body, streamed to a file as it arrives: it never sits in memory, whatever its
 * size, and the import starts only once the whole body is in, so an upload that is cut off or
 * refused for its size lands nothing. The file is deleted when the import ends.
 */
final class Upload implements AutoCloseable {

    private final Path file;

    private Upload(Path file) {
        this.file = file;
    }

    static Upload receive(InputStream body, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "import-", ".upload");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Upload(file);
    }

    InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
