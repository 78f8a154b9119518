#pragma once

// Native-endian byte encoding for snapshots: a writer appending to a string and a reader that
// checks every read against the end of its buffer.

#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace papertree::snapshot_detail {

/// Thrown by ByteReader when the bytes do not hold what the layout says; turned into a
/// DataError by read_snapshot.
struct MalformedSnapshot : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class ByteWriter {
 public:
  std::string& bytes() { return m_out; }

  template <class T>
  void pod(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    m_out.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void u32(std::uint32_t v) { pod(v); }
  void u64(std::uint64_t v) { pod(v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    m_out.append(s);
  }
  /// Padding to 8 bytes, a count, then the elements' bytes.
  template <class T>
  void array(std::span<const T> values) {
    static_assert(std::is_trivially_copyable_v<T>);
    align();
    u64(values.size());
    m_out.append(reinterpret_cast<const char*>(values.data()), values.size_bytes());
  }
  void align() { m_out.resize((m_out.size() + 7) / 8 * 8, '\0'); }

 private:
  std::string m_out;
};

class ByteReader {
 public:
  explicit ByteReader(std::span<const char> bytes)
      : m_begin(bytes.data()), m_at(bytes.data()), m_end(bytes.data() + bytes.size()) {}

  template <class T>
  T pod() {
    static_assert(std::is_trivially_copyable_v<T>);
    T value;
    std::memcpy(&value, take(sizeof value), sizeof value);
    return value;
  }
  std::uint32_t u32() { return pod<std::uint32_t>(); }
  std::uint64_t u64() { return pod<std::uint64_t>(); }
  std::string str() {
    std::uint32_t n = u32();
    return std::string(take(n), n);
  }
  /// A count that must fit in what is left, each element taking at least `min_bytes`.
  std::size_t count(std::size_t min_bytes = 1) {
    std::uint64_t n = u64();
    if (n > remaining() / (min_bytes == 0 ? 1 : min_bytes)) throw MalformedSnapshot("bad count");
    return static_cast<std::size_t>(n);
  }
  /// Like array(), but a view of the elements where they are, which are not passed to the check
  /// (see set_check): whoever reads them checks them. The bytes must be aligned for T.
  template <class T>
  std::span<const T> view() {
    align();
    std::size_t n = count(sizeof(T));
    const char* at = take(n * sizeof(T), false);
    if (reinterpret_cast<std::uintptr_t>(at) % alignof(T) != 0) throw MalformedSnapshot("misaligned");
    return {reinterpret_cast<const T*>(at), n};
  }
  /// Called with every span of bytes read, except views, before it is used (to verify its
  /// checksums).
  void set_check(std::function<void(const char*, std::size_t)> check) { m_check = std::move(check); }
  template <class T>
  std::vector<T> array() {
    align();
    std::size_t n = count(sizeof(T));
    std::vector<T> values(n);
    if (n != 0) std::memcpy(values.data(), take(n * sizeof(T)), n * sizeof(T));
    return values;
  }
  void align() {
    std::size_t offset = static_cast<std::size_t>(m_at - m_begin);
    take((offset + 7) / 8 * 8 - offset);
  }
  std::size_t remaining() const { return static_cast<std::size_t>(m_end - m_at); }
  /// Bytes read so far.
  std::size_t offset() const { return static_cast<std::size_t>(m_at - m_begin); }

 private:
  const char* m_begin;
  const char* m_at;
  const char* m_end;
  std::function<void(const char*, std::size_t)> m_check;

  const char* take(std::size_t n, bool check = true) {
    if (n > remaining()) throw MalformedSnapshot("ends early");
    const char* at = m_at;
    m_at += n;
    if (check && m_check && n != 0) m_check(at, n);
    return at;
  }
};

}  // namespace papertree::snapshot_detail
