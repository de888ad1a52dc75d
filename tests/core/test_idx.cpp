// The IDX reader: small IDX files (plain and gzip'd) written into a temporary folder, a good read
// of each kind, and every bad input with the message it must give.
#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <random>

#include "course/idx.hpp"

using namespace course;
namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> be32(std::uint32_t v) {
    return {std::uint8_t(v >> 24), std::uint8_t(v >> 16), std::uint8_t(v >> 8), std::uint8_t(v)};
}

std::vector<std::uint8_t> images_bytes(std::uint32_t n, std::uint32_t rows, std::uint32_t cols, std::uint32_t magic = 2051) {
    std::vector<std::uint8_t> b;
    for (auto v : {magic, n, rows, cols}) {
        auto w = be32(v);
        b.insert(b.end(), w.begin(), w.end());
    }
    for (std::uint32_t i = 0; i < n * rows * cols; ++i) b.push_back(std::uint8_t((i * 37 + i / (rows * cols)) % 256));
    return b;
}

std::vector<std::uint8_t> labels_bytes(const std::vector<std::uint8_t>& labels, std::uint32_t magic = 2049) {
    std::vector<std::uint8_t> b = be32(magic);
    auto n = be32(std::uint32_t(labels.size()));
    b.insert(b.end(), n.begin(), n.end());
    b.insert(b.end(), labels.begin(), labels.end());
    return b;
}

void write_plain(const fs::path& p, const std::vector<std::uint8_t>& bytes) {
    std::ofstream f(p, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

void write_gz(const fs::path& p, const std::vector<std::uint8_t>& bytes) {
    gzFile f = gzopen(p.c_str(), "wb");
    BOOST_REQUIRE(f != nullptr);
    BOOST_REQUIRE(gzwrite(f, bytes.data(), unsigned(bytes.size())) == int(bytes.size()));
    gzclose(f);
}

/// A fresh temporary folder, removed at the end of the test case.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("course_idx_test_" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

/// Sets an environment variable for the scope of one test case.
struct EnvVar {
    std::string name;
    std::string old;
    bool had;
    EnvVar(std::string n, const std::string& value) : name(std::move(n)) {
        const char* o = std::getenv(name.c_str());
        had = o != nullptr;
        if (had) old = o;
        setenv(name.c_str(), value.c_str(), 1);
    }
    ~EnvVar() {
        if (had) setenv(name.c_str(), old.c_str(), 1);
        else unsetenv(name.c_str());
    }
};

/// Runs f, which must throw E; returns the message.
template <class E, class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    BOOST_FAIL("no exception of the expected type was thrown");
    return "";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

/// A complete 28×28 data set folder: n_train / n_test images with labels i % 10.
void write_dataset(const fs::path& dir, std::uint32_t n_train, std::uint32_t n_test, bool gz) {
    fs::create_directories(dir);
    auto labels = [](std::uint32_t n) {
        std::vector<std::uint8_t> l(n);
        for (std::uint32_t i = 0; i < n; ++i) l[i] = std::uint8_t(i % 10);
        return l;
    };
    auto write = gz ? write_gz : write_plain;
    const std::string ext = gz ? ".gz" : "";
    write(dir / ("train-images-idx3-ubyte" + ext), images_bytes(n_train, 28, 28));
    write(dir / ("train-labels-idx1-ubyte" + ext), labels_bytes(labels(n_train)));
    write(dir / ("t10k-images-idx3-ubyte" + ext), images_bytes(n_test, 28, 28));
    write(dir / ("t10k-labels-idx1-ubyte" + ext), labels_bytes(labels(n_test)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(idx_reader)

BOOST_AUTO_TEST_CASE(reads_plain_and_gzip_images_alike) {
    TempDir t;
    const auto bytes = images_bytes(3, 2, 4);
    write_plain(t.path / "a-idx3-ubyte", bytes);
    write_gz(t.path / "b-idx3-ubyte.gz", bytes);
    for (const auto& p : {t.path / "a-idx3-ubyte", t.path / "b-idx3-ubyte.gz"}) {
        BOOST_TEST_CONTEXT(p) {
            const IdxImages im = read_idx_images(p);
            BOOST_TEST(im.count == 3u);
            BOOST_TEST(im.count_in_header == 3u);
            BOOST_TEST(im.rows == 2);
            BOOST_TEST(im.cols == 4);
            BOOST_TEST_REQUIRE(im.pixels.size() == 24u);
            BOOST_TEST(std::equal(im.pixels.begin(), im.pixels.end(), bytes.begin() + 16));
        }
    }
    const IdxImages first = read_idx_images(t.path / "b-idx3-ubyte.gz", 2);
    BOOST_TEST(first.count == 2u);
    BOOST_TEST(first.count_in_header == 3u);
    BOOST_TEST(first.pixels.size() == 16u);
}

BOOST_AUTO_TEST_CASE(reads_labels_and_scales_pixels_to_unit_interval) {
    TempDir t;
    auto im = images_bytes(2, 2, 2);
    im[16] = 0;
    im[17] = 255;
    im[18] = 51;
    write_gz(t.path / "img.gz", im);
    write_plain(t.path / "lab", labels_bytes({7, 3}));
    BOOST_TEST(read_idx_labels(t.path / "lab") == (std::vector<std::uint8_t>{7, 3}));
    const auto d = load_labelled_images<4>(t.path / "img.gz", t.path / "lab");
    BOOST_TEST_REQUIRE(d.size() == 2u);
    BOOST_TEST(d.y[0] == 7);
    BOOST_TEST(d.y[1] == 3);
    BOOST_TEST(d.x[0][0] == 0.0f);
    BOOST_TEST(d.x[0][1] == 1.0f);
    BOOST_TEST(d.x[0][2] == 0.2f, boost::test_tools::tolerance(1e-6f));
    BOOST_TEST(d.x[1][0] == float(im[20]) / 255.0f);
}

BOOST_AUTO_TEST_CASE(load_mnist_like_reads_a_folder_under_the_data_dir) {
    TempDir t;
    write_dataset(t.path / "tiny-gz", 30, 20, true);
    write_dataset(t.path / "tiny-plain", 30, 20, false);
    EnvVar env("COURSE_DATA_DIR", t.path.string());
    for (const char* name : {"tiny-gz", "tiny-plain"}) {
        BOOST_TEST_CONTEXT(name) {
            const MnistSplit all = load_mnist_like(name);
            BOOST_TEST(all.train.size() == 30u);
            BOOST_TEST(all.test.size() == 20u);
            BOOST_TEST(all.train.y[13] == 3);
            const MnistSplit some = load_mnist_like(name, 12, 5);
            BOOST_TEST(some.train.size() == 12u);
            BOOST_TEST(some.test.size() == 5u);
            BOOST_TEST(max_abs_diff(some.train.x[11], all.train.x[11]) == 0.0f);
        }
    }
}

BOOST_AUTO_TEST_CASE(missing_data_set_says_what_to_run) {
    TempDir t;
    EnvVar env("COURSE_DATA_DIR", t.path.string());
    const auto msg = message_of<DataMissing>([] { load_mnist_like("mnist"); });
    BOOST_TEST(contains(msg, (t.path / "mnist").string()));
    BOOST_TEST(contains(msg, "./course data"));
    BOOST_TEST(contains(msg, "COURSE_DATA_DIR"));
}

BOOST_AUTO_TEST_CASE(missing_file_in_the_folder_names_both_candidates) {
    TempDir t;
    write_dataset(t.path / "half", 10, 10, true);
    fs::remove(t.path / "half" / "t10k-labels-idx1-ubyte.gz");
    EnvVar env("COURSE_DATA_DIR", t.path.string());
    const auto msg = message_of<DataMissing>([] { load_mnist_like("half"); });
    BOOST_TEST(contains(msg, "t10k-labels-idx1-ubyte or "));
    BOOST_TEST(contains(msg, "t10k-labels-idx1-ubyte.gz"));
    BOOST_TEST(contains(msg, "./course data"));
    BOOST_CHECK_THROW(read_idx_images(t.path / "nothing-here"), DataMissing);
}

BOOST_AUTO_TEST_CASE(wrong_magic_number_says_expected_and_found) {
    TempDir t;
    write_plain(t.path / "labels-as-images", labels_bytes({1, 2, 3}));
    const auto msg = message_of<DataError>([&] { read_idx_images(t.path / "labels-as-images"); });
    BOOST_TEST(contains(msg, "expected 2051"));
    BOOST_TEST(contains(msg, "found 2049 (an IDX labels file)"));
    BOOST_TEST(contains(msg, "labels-as-images"));
    write_gz(t.path / "images-as-labels.gz", images_bytes(1, 2, 2));
    const auto msg2 = message_of<DataError>([&] { read_idx_labels(t.path / "images-as-labels.gz"); });
    BOOST_TEST(contains(msg2, "expected 2049"));
    BOOST_TEST(contains(msg2, "found 2051"));
    write_plain(t.path / "text", {'h', 'e', 'l', 'l', 'o', '!', '!', '!'});
    BOOST_TEST(contains(message_of<DataError>([&] { read_idx_images(t.path / "text"); }), "not an IDX file"));
}

BOOST_AUTO_TEST_CASE(truncated_file_says_how_long_it_should_be) {
    TempDir t;
    auto bytes = images_bytes(5, 28, 28);
    bytes.resize(16 + 3 * 784 + 100);  // the header promises 5 images; 3 and a bit are there
    write_gz(t.path / "short.gz", bytes);
    write_plain(t.path / "short", bytes);
    for (const auto& p : {t.path / "short.gz", t.path / "short"}) {
        const auto msg = message_of<DataError>([&] { read_idx_images(p); });
        BOOST_TEST(contains(msg, "truncated"));
        BOOST_TEST(contains(msg, "expected " + std::to_string(16 + 5 * 784) + " bytes"));
        BOOST_TEST(contains(msg, "found only " + std::to_string(bytes.size())));
        BOOST_TEST(contains(msg, p.string()));
    }
    // Reading only the images that are there works.
    BOOST_TEST(read_idx_images(t.path / "short.gz", 3).count == 3u);
    // A header cut short.
    write_plain(t.path / "stub", {0, 0, 8, 3, 0, 0});
    BOOST_TEST(contains(message_of<DataError>([&] { read_idx_images(t.path / "stub"); }), "expected 8 bytes (the header: image count), found only 6"));
    // Labels cut short.
    auto lab = labels_bytes({1, 2, 3, 4});
    lab.pop_back();
    write_plain(t.path / "lab", lab);
    BOOST_TEST(contains(message_of<DataError>([&] { read_idx_labels(t.path / "lab"); }), "expected 12 bytes"));
}

BOOST_AUTO_TEST_CASE(corrupt_gzip_stream_is_a_data_error) {
    TempDir t;
    write_gz(t.path / "x.gz", images_bytes(20, 28, 28));
    std::ifstream in(t.path / "x.gz", std::ios::binary);
    std::vector<char> gz((std::istreambuf_iterator<char>(in)), {});
    for (std::size_t i = 40; i < gz.size() - 8; i += 7) gz[i] = char(gz[i] ^ 0x5a);  // scramble the deflate data
    std::ofstream(t.path / "bad.gz", std::ios::binary).write(gz.data(), std::streamsize(gz.size()));
    const auto msg = message_of<DataError>([&] { read_idx_images(t.path / "bad.gz"); });
    BOOST_TEST(contains(msg, (t.path / "bad.gz").string()));
    BOOST_TEST((contains(msg, "corrupt") || contains(msg, "truncated") || contains(msg, "magic")));
}

BOOST_AUTO_TEST_CASE(image_and_label_counts_must_match) {
    TempDir t;
    write_gz(t.path / "img.gz", images_bytes(6, 28, 28));
    write_gz(t.path / "lab.gz", labels_bytes({1, 2, 3, 4, 5}));
    const auto msg = message_of<DataError>([&] { load_labelled_images<784>(t.path / "img.gz", t.path / "lab.gz"); });
    BOOST_TEST(contains(msg, "found 6 images in " + (t.path / "img.gz").string()));
    BOOST_TEST(contains(msg, "5 labels in " + (t.path / "lab.gz").string()));
}

BOOST_AUTO_TEST_CASE(network_input_size_must_match_image_size) {
    TempDir t;
    write_gz(t.path / "img32.gz", images_bytes(2, 32, 32));
    write_gz(t.path / "lab.gz", labels_bytes({1, 2}));
    const auto msg = message_of<DataError>([&] { load_labelled_images<784>(t.path / "img32.gz", t.path / "lab.gz"); });
    BOOST_TEST(contains(msg, "784-pixel images (28×28)"));
    BOOST_TEST(contains(msg, "found 32×32 = 1024 pixels"));
    BOOST_TEST(contains(msg, "img32.gz"));
}

BOOST_AUTO_TEST_CASE(labels_above_nine_are_rejected) {
    TempDir t;
    write_plain(t.path / "lab", labels_bytes({1, 9, 12, 0}));
    const auto msg = message_of<DataError>([&] { read_idx_labels(t.path / "lab"); });
    BOOST_TEST(contains(msg, "expected 0–9, found 12 at index 2"));
    BOOST_TEST(read_idx_labels(t.path / "lab", 2).size() == 2u);
}

BOOST_AUTO_TEST_CASE(every_message_is_one_line) {
    TempDir t;
    write_plain(t.path / "lab", labels_bytes({10}));
    write_plain(t.path / "img", images_bytes(1, 3, 3));
    for (const auto& msg : {message_of<DataError>([&] { read_idx_labels(t.path / "lab"); }),
                            message_of<DataError>([&] { load_labelled_images<784>(t.path / "img", t.path / "lab"); }),
                            message_of<DataMissing>([&] { find_idx_file(t.path, "nope"); })})
        BOOST_TEST(!contains(msg, "\n"));
}

BOOST_AUTO_TEST_SUITE_END()
