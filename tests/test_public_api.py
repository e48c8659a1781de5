import khabar


def test_all_is_sorted_and_names_only_what_exists():
    assert khabar.__all__ == sorted(khabar.__all__)
    for name in khabar.__all__:
        assert hasattr(khabar, name), name


def test_all_lists_every_public_name_imported_into_the_package():
    # dir() lists the lazily imported names too (khabar/__init__.py imports them on first use).
    public = {name for name in dir(khabar)
              if not name.startswith("_") and not isinstance(getattr(khabar, name), type(khabar))}
    assert public == set(khabar.__all__)


def test_process_returns_a_clean_document():
    doc = khabar.process("عنوان الخبر\n\nقال الوزير إن الاجتماع كان مثمرا وناقش قضايا كثيرة.")
    assert doc.title == "عنوان الخبر"
    assert doc.text == "قال الوزير إن الاجتماع كان مثمرا وناقش قضايا كثيرة."
