#pragma once

#include <type_traits>
#include <utility>
#include <variant>

// Either a value of T or an error of E: a small stand-in for C++23's std::expected, with its
// names (has_value(), value(), error(), operator bool, operator*, operator->). Both are built
// implicitly, so a function returning Expected<T, E> can `return value;` or `return error;`.
// The result types of the code base are this template with their own error type, e.g.
// StoreResult<T> (storeerror.h) is Expected<T, StoreError>.
template<typename T, typename E> class Expected
{
    static_assert(!std::is_same_v<T, E>, "the value and the error must be told apart by type");

public:
    using value_type = T;
    using error_type = E;

    Expected(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Expected(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool has_value() const { return m_data.index() == 0; }
    // The spelling the store's callers grew up with; the same as has_value().
    bool ok() const { return has_value(); }
    explicit operator bool() const { return has_value(); }

    const T &value() const { return std::get<0>(m_data); }
    T &value() { return std::get<0>(m_data); }
    const T &operator*() const { return value(); }
    T &operator*() { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &error() const { return std::get<1>(m_data); }

    // The value, or `fallback` when this holds an error.
    template<typename U> T value_or(U &&fallback) const
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, E> m_data;
};
