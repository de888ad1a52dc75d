#include "course/idx.hpp"

#include <zlib.h>

#include <array>
#include <climits>
#include <memory>

namespace course {

namespace {

constexpr std::uint32_t images_magic = 2051;  // 0x00000803: unsigned bytes, 3 dimensions
constexpr std::uint32_t labels_magic = 2049;  // 0x00000801: unsigned bytes, 1 dimension

std::string what_magic(std::uint32_t m) {
    if (m == images_magic) return " (an IDX images file)";
    if (m == labels_magic) return " (an IDX labels file)";
    if ((m >> 16) == 0x1f8b) return " (gzip data that zlib could not open as such)";
    return " (not an IDX file)";
}

/// A gzFile that closes itself; zlib reads plain files through the same calls.
class GzReader {
public:
    explicit GzReader(const std::filesystem::path& path) : path_(path) {
        if (!std::filesystem::exists(path))
            throw DataMissing("data file not found: " + path.string() +
                              " (run `./course data`, or set COURSE_DATA_DIR to the folder that holds it)");
        file_ = gzopen(path.c_str(), "rb");
        if (!file_) throw DataError("cannot open " + path.string());
        gzbuffer(file_, 1 << 17);
    }
    ~GzReader() {
        if (file_) gzclose(file_);
    }
    GzReader(const GzReader&) = delete;
    GzReader& operator=(const GzReader&) = delete;

    /// Reads up to n bytes; returns how many were read (fewer at the end of the file).
    std::size_t read(void* out, std::size_t n) {
        auto* p = static_cast<unsigned char*>(out);
        std::size_t done = 0;
        while (done < n) {
            const unsigned chunk = unsigned(std::min<std::size_t>(n - done, 1u << 30));
            const int got = gzread(file_, p + done, chunk);
            if (got < 0) {
                int code = 0;
                const char* msg = gzerror(file_, &code);
                throw DataError("corrupt data in " + path_.string() + ": zlib says \"" + (msg ? msg : "?") +
                                "\" after " + std::to_string(done + offset_) + " bytes");
            }
            if (got == 0) break;
            done += std::size_t(got);
        }
        offset_ += done;
        return done;
    }

    /// Reads exactly n bytes of `what`, or throws DataError saying how far the file got.
    void read_exactly(void* out, std::size_t n, const std::string& what) {
        const std::size_t before = offset_;
        const std::size_t got = read(out, n);
        if (got < n)
            throw DataError("truncated file " + path_.string() + ": expected " + std::to_string(before + n) +
                            " bytes (" + what + "), found only " + std::to_string(before + got));
    }

    std::uint32_t read_u32(const std::string& what) {
        std::array<unsigned char, 4> b{};
        read_exactly(b.data(), 4, what);
        return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | b[3];
    }

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    gzFile file_ = nullptr;
    std::size_t offset_ = 0;
};

void check_magic(std::uint32_t found, std::uint32_t expected, const std::filesystem::path& path) {
    if (found != expected)
        throw DataError("wrong magic number in " + path.string() + ": expected " + std::to_string(expected) +
                        (expected == images_magic ? " (an IDX images file)" : " (an IDX labels file)") + ", found " +
                        std::to_string(found) + what_magic(found));
}

std::string with_commas(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

IdxImages read_idx_images(const std::filesystem::path& path, std::size_t limit) {
    GzReader in(path);
    check_magic(in.read_u32("the magic number"), images_magic, path);
    IdxImages out;
    out.count_in_header = in.read_u32("the header: image count");
    const std::uint32_t rows = in.read_u32("the header: rows per image");
    const std::uint32_t cols = in.read_u32("the header: columns per image");
    if (rows == 0 || cols == 0 || rows > 4096 || cols > 4096)
        throw DataError("implausible image size in " + path.string() + ": expected rows and columns in 1–4096, found " +
                        std::to_string(rows) + "×" + std::to_string(cols));
    out.rows = int(rows);
    out.cols = int(cols);
    out.count = limit > 0 ? std::min(limit, out.count_in_header) : out.count_in_header;
    const std::size_t bytes = out.count * rows * cols;
    out.pixels.resize(bytes);
    in.read_exactly(out.pixels.data(), bytes,
                    "16 header bytes + " + with_commas(out.count) + " images of " + std::to_string(rows) + "×" +
                        std::to_string(cols) + " pixels");
    return out;
}

std::vector<std::uint8_t> read_idx_labels(const std::filesystem::path& path, std::size_t limit, int max_label) {
    GzReader in(path);
    check_magic(in.read_u32("the magic number"), labels_magic, path);
    const std::size_t in_header = in.read_u32("the header: label count");
    const std::size_t count = limit > 0 ? std::min(limit, in_header) : in_header;
    std::vector<std::uint8_t> labels(count);
    in.read_exactly(labels.data(), count, "8 header bytes + " + with_commas(count) + " labels");
    for (std::size_t i = 0; i < count; ++i)
        if (labels[i] > max_label)
            throw DataError("bad label in " + path.string() + ": expected 0–" + std::to_string(max_label) + ", found " +
                            std::to_string(labels[i]) + " at index " + std::to_string(i));
    return labels;
}

namespace detail {
std::size_t idx_label_count(const std::filesystem::path& path) {
    GzReader in(path);
    check_magic(in.read_u32("the magic number"), labels_magic, path);
    return in.read_u32("the header: label count");
}
}  // namespace detail

std::filesystem::path find_idx_file(const std::filesystem::path& dir, const std::string& name) {
    const auto plain = dir / name;
    if (std::filesystem::exists(plain)) return plain;
    auto gz = dir / (name + ".gz");
    if (std::filesystem::exists(gz)) return gz;
    throw DataMissing("data file not found: expected " + plain.string() + " or " + gz.string() +
                      " (run `./course data`, or set COURSE_DATA_DIR to a folder that holds " +
                      dir.filename().string() + "/)");
}

void check_idx_pair(const IdxImages& images, std::size_t labels_in_header, std::size_t pixels,
                    const std::filesystem::path& images_path, const std::filesystem::path& labels_path) {
    const std::size_t found = std::size_t(images.rows) * std::size_t(images.cols);
    if (found != pixels) {
        std::string expected = std::to_string(pixels) + "-pixel images";
        for (std::size_t side = 1; side * side <= pixels; ++side)
            if (side * side == pixels) expected += " (" + std::to_string(side) + "×" + std::to_string(side) + ")";
        throw DataError("wrong image size in " + images_path.string() + ": the network takes " + expected +
                        ", found " + std::to_string(images.rows) + "×" + std::to_string(images.cols) + " = " +
                        std::to_string(found) + " pixels");
    }
    if (images.count_in_header != labels_in_header)
        throw DataError("images and labels do not pair up: expected as many labels as images, found " +
                        with_commas(images.count_in_header) + " images in " + images_path.string() + " and " +
                        with_commas(labels_in_header) + " labels in " + labels_path.string());
}

MnistSplit load_mnist_like(const std::string& name, std::size_t train_limit, std::size_t test_limit) {
    const auto dir = require_data(name, "the data set " + name);
    MnistSplit out;
    out.train = load_labelled_images<784>(find_idx_file(dir, "train-images-idx3-ubyte"),
                                          find_idx_file(dir, "train-labels-idx1-ubyte"), train_limit);
    out.test = load_labelled_images<784>(find_idx_file(dir, "t10k-images-idx3-ubyte"),
                                         find_idx_file(dir, "t10k-labels-idx1-ubyte"), test_limit);
    return out;
}

}  // namespace course
