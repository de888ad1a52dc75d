/// @file idx.hpp
/// @brief MNIST-like data sets in the IDX format (plain or gzip'd), checked and scaled to [0, 1].
///
/// An IDX file is a big-endian header followed by raw bytes:
///
/// | bytes | images file (`*-images-idx3-ubyte`) | labels file (`*-labels-idx1-ubyte`) |
/// |---|---|---|
/// | 0–3  | magic 2051 (0x00000803: unsigned bytes, 3 dimensions) | magic 2049 (0x00000801: unsigned bytes, 1 dimension) |
/// | 4–7  | number of images n | number of labels n |
/// | 8–11 | rows (28) | — |
/// | 12–15 | columns (28) | — |
/// | then | n × rows × columns pixels, row by row, 0 = background | n labels, one byte each (0–9) |
///
/// Every reader here checks what it reads, and each bad input throws one exception whose
/// one-line message says what was expected, what was found, and the file: a wrong magic number,
/// an image size the network does not take, images and labels that do not pair up, a file shorter
/// than its header says, a label above 9. A missing file throws DataMissing, saying what to run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "course/data.hpp"
#include "course/tensor.hpp"

namespace course {

/// Thrown when a data file exists but is not what it should be (wrong format, size, count).
class DataError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The raw contents of an IDX images file: `count` images of rows × cols bytes, one after another.
struct IdxImages {
    std::size_t count = 0;            ///< number of images read (≤ the header's count when limited)
    std::size_t count_in_header = 0;  ///< number of images the header announces
    int rows = 0, cols = 0;           ///< size of each image
    std::vector<std::uint8_t> pixels; ///< count × rows × cols bytes, image by image, row by row
};

/// Reads an IDX images file (magic 2051), plain or gzip'd (zlib tells them apart by content).
/// Reads the first `limit` images only when `limit` > 0. Throws DataMissing if the file does not
/// exist, DataError if its magic number is wrong or it ends before its header's promise.
IdxImages read_idx_images(const std::filesystem::path& path, std::size_t limit = 0);

/// Reads an IDX labels file (magic 2049), plain or gzip'd; the first `limit` labels when `limit` > 0.
/// Throws DataError on a wrong magic number, a truncated file, or a label above `max_label`.
std::vector<std::uint8_t> read_idx_labels(const std::filesystem::path& path, std::size_t limit = 0, int max_label = 9);

/// `dir/name` if it exists, else `dir/name.gz`; throws DataMissing naming both when neither does.
std::filesystem::path find_idx_file(const std::filesystem::path& dir, const std::string& name);

/// Checks that an images file and a labels file pair up (same count in their headers) and that the
/// images have `pixels` pixels each; throws DataError naming both files and both numbers otherwise.
void check_idx_pair(const IdxImages& images, std::size_t labels_in_header, std::size_t pixels,
                    const std::filesystem::path& images_path, const std::filesystem::path& labels_path);

/// Images as column vectors of `Pixels` entries in [0, 1] (pixel / 255), with their labels 0–9.
template <int Pixels>
struct LabelledImages {
    std::vector<Vec<Pixels>> x;  ///< image i, flattened row by row: (Pixels) each
    std::vector<int> y;          ///< its label, 0–9
    std::size_t size() const { return y.size(); }
};

/// The training and test sets of an MNIST-like data set (28 × 28 = 784 pixels per image).
struct MnistSplit {
    LabelledImages<784> train, test;
};

namespace detail {
/// The number of labels announced by the header of an IDX labels file (reads 8 bytes).
std::size_t idx_label_count(const std::filesystem::path& path);
}  // namespace detail

/// Reads an images file and its labels file into (Vec<Pixels>, label) pairs, the first `limit`
/// when `limit` > 0. The image size must be Pixels (a 28×28 network fed 32×32 images is an error
/// naming both), and the two files must hold the same number of items.
template <int Pixels>
LabelledImages<Pixels> load_labelled_images(const std::filesystem::path& images_path,
                                             const std::filesystem::path& labels_path, std::size_t limit = 0) {
    IdxImages images = read_idx_images(images_path, limit);
    check_idx_pair(images, detail::idx_label_count(labels_path), Pixels, images_path, labels_path);
    const std::vector<std::uint8_t> labels = read_idx_labels(labels_path, limit);
    LabelledImages<Pixels> out;
    out.x.resize(images.count);
    out.y.resize(images.count);
    for (std::size_t i = 0; i < images.count; ++i) {
        const std::uint8_t* p = images.pixels.data() + i * std::size_t(Pixels);
        float* v = out.x[i].data();
        for (int k = 0; k < Pixels; ++k) v[k] = float(p[k]) / 255.0f;
        out.y[i] = labels[i];
    }
    return out;
}

/// Loads an MNIST-like data set from the folder `name` under data_dir() ("mnist", "mnist-10k",
/// "fashion-mnist"), which holds train-images-idx3-ubyte, train-labels-idx1-ubyte,
/// t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each plain or `.gz`. Keeps the first
/// `train_limit` / `test_limit` examples when these are > 0.
/// Throws DataMissing (saying what to run) when the folder or a file is missing, DataError when
/// a file is not what it should be.
MnistSplit load_mnist_like(const std::string& name, std::size_t train_limit = 0, std::size_t test_limit = 0);

}  // namespace course
