package org.jconvnet.train.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The few file-system operations a checkpoint write is made of. Each call is one step that either
 * happens or fails; tests wrap this to inject a failure at every step. {@link #DURABLE} syncs
 * data and directories to disk so that a completed step survives a crash.
 */
public interface CheckpointFs {

    /** Creates a directory (its parent must exist). */
    void createDirectory(Path dir) throws IOException;

    /** Writes a new file and forces its contents to disk before returning. */
    void writeDurably(Path file, byte[] bytes) throws IOException;

    /** Forces a directory's entries (creations, renames) to disk. */
    void syncDirectory(Path dir) throws IOException;

    /** Renames atomically, replacing a plain file {@code to} if it exists. */
    void moveAtomically(Path from, Path to) throws IOException;

    /** Deletes a file or a directory tree. */
    void deleteTree(Path path) throws IOException;

    /** The real file system with fsync after every write and directory change. */
    CheckpointFs DURABLE = new CheckpointFs() {
        @Override
        public void createDirectory(Path dir) throws IOException {
            Files.createDirectory(dir);
        }

        @Override
        public void writeDurably(Path file, byte[] bytes) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            // Linux lets a directory be opened read-only and fsynced; that makes renames and
            // creations inside it durable. Other systems may refuse, which only weakens durability.
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException e) {
                if (Files.isDirectory(dir) && System.getProperty("os.name", "").toLowerCase().contains("win")) {
                    return;
                }
                throw e;
            }
        }

        @Override
        public void moveAtomically(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void deleteTree(Path path) throws IOException {
            if (!Files.exists(path)) {
                return;
            }
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    };
}
