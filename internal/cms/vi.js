// Loa: the Vietnamese strings that Decap CMS's own Vietnamese lacks, which
// it would show in English (the Markdown toolbar, notes, image and file
// buttons). They are added to its "vi" phrases, by key path, before the
// editor reads them (after it has loaded config.yml). TestVietnameseComplete
// checks that they are exactly the missing ones.
(function () {
  "use strict";
  var missing = {
    "auth.loginWithAzure": "Đăng nhập bằng Azure",
    "auth.loginWithForgejo": "Đăng nhập bằng Forgejo",
    "collection.collectionTop.viewAsList": "Xem dạng danh sách",
    "collection.collectionTop.viewAsGrid": "Xem dạng lưới",
    "collection.collectionTop.groupBy": "Nhóm theo",
    "collection.entries.unpublishedHeader": "Bài chưa công bố",
    "collection.groups.other": "Khác",
    "collection.groups.negateLabel": "Không phải %{label}",
    "editor.editorControl.field.widgetLabel": "Trường %{widgetLabel}",
    "editor.editorControlPane.i18n.writingInLocale": "Đang viết bằng %{locale}",
    "editor.editorControlPane.i18n.copyFromLocale": "Lấy nội dung từ ngôn ngữ khác",
    "editor.editorControlPane.i18n.copyFromLocaleConfirm": "Lấy nội dung từ ngôn ngữ %{locale}?\nMọi nội dung đang có sẽ bị thay thế.",
    "editor.editorInterface.toggleI18n": "Bật/tắt nhiều ngôn ngữ",
    "editor.editorInterface.togglePreview": "Bật/tắt xem trước",
    "editor.editorInterface.toggleScrollSync": "Cuộn cùng lúc",
    "editor.editorInterface.toggleNotes": "Bật/tắt ghi chú",
    "editor.editorNotesPane.title": "Ghi chú",
    "editor.editorNotesPane.emptyState": "Chưa có ghi chú nào. Thêm ghi chú đầu tiên ở dưới để cùng trao đổi.",
    "editor.editorNotesPane.addNote": "Thêm ghi chú",
    "editor.editorNotesPane.addPlaceholder": "Viết ghi chú...",
    "editor.editorNotesPane.editPlaceholder": "Sửa ghi chú...",
    "editor.editorNotesPane.save": "Lưu",
    "editor.editorNotesPane.cancel": "Hủy",
    "editor.editorNotesPane.edit": "Sửa",
    "editor.editorNotesPane.delete": "Xóa",
    "editor.editorNotesPane.resolve": "Đánh dấu đã xong",
    "editor.editorNotesPane.unresolve": "Mở lại",
    "editor.editorNotesPane.confirmDelete": "Bạn có chắc muốn xóa ghi chú này?",
    "editor.editorNotesPane.shortcut": "Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh",
    "editor.editorToolbar.statusInfoTooltipDraft": "Bài đang ở trạng thái bản nháp. Để hoàn tất và gửi duyệt, hãy chuyển sang “Đang duyệt”",
    "editor.editorToolbar.statusInfoTooltipInReview": "Bài đang được duyệt, không cần làm gì thêm. Bạn vẫn có thể sửa tiếp trong lúc chờ duyệt.",
    "editor.editorWidgets.markdown.bold": "Chữ đậm",
    "editor.editorWidgets.markdown.italic": "Chữ nghiêng",
    "editor.editorWidgets.markdown.strikethrough": "Gạch ngang",
    "editor.editorWidgets.markdown.code": "Mã",
    "editor.editorWidgets.markdown.link": "Liên kết",
    "editor.editorWidgets.markdown.linkPrompt": "Nhập địa chỉ của liên kết",
    "editor.editorWidgets.markdown.headings": "Tiêu đề mục",
    "editor.editorWidgets.markdown.quote": "Trích dẫn",
    "editor.editorWidgets.markdown.bulletedList": "Danh sách gạch đầu dòng",
    "editor.editorWidgets.markdown.numberedList": "Danh sách đánh số",
    "editor.editorWidgets.markdown.addComponent": "Chèn thành phần",
    "editor.editorWidgets.markdown.toggleMode.rich": "Chuyển sang chế độ soạn thảo thường",
    "editor.editorWidgets.markdown.toggleMode.markdown": "Chuyển sang chế độ Markdown",
    "editor.editorWidgets.image.chooseMultiple": "Chọn ảnh",
    "editor.editorWidgets.image.chooseUrl": "Chèn từ địa chỉ web",
    "editor.editorWidgets.image.replaceUrl": "Thay bằng địa chỉ web",
    "editor.editorWidgets.image.promptUrl": "Nhập địa chỉ của ảnh",
    "editor.editorWidgets.image.addMore": "Thêm ảnh",
    "editor.editorWidgets.image.removeAll": "Bỏ hết ảnh",
    "editor.editorWidgets.file.chooseUrl": "Chèn từ địa chỉ web",
    "editor.editorWidgets.file.chooseMultiple": "Chọn tệp",
    "editor.editorWidgets.file.replaceUrl": "Thay bằng địa chỉ web",
    "editor.editorWidgets.file.promptUrl": "Nhập địa chỉ của tệp",
    "editor.editorWidgets.file.addMore": "Thêm tệp",
    "editor.editorWidgets.file.removeAll": "Bỏ hết tệp",
    "editor.editorWidgets.datetime.setToNow": "Đặt %{fieldLabel} là bây giờ",
    "editor.editorWidgets.list.add": "Thêm %{item}",
    "editor.editorWidgets.list.addType": "Thêm %{item}",
    "editor.editorWidgets.object.expand": "Mở rộng",
    "editor.editorWidgets.object.collapse": "Thu gọn",
    "mediaLibrary.mediaLibraryCard.copy": "Chép",
    "mediaLibrary.mediaLibraryCard.copyUrl": "Chép địa chỉ",
    "mediaLibrary.mediaLibraryCard.copyPath": "Chép đường dẫn",
    "mediaLibrary.mediaLibraryCard.copyName": "Chép tên",
    "mediaLibrary.mediaLibraryCard.copied": "Đã chép",
    "mediaLibrary.mediaLibraryModal.close": "Đóng",
    "ui.settingsDropdown.account": "Tài khoản",
    "ui.toast.noteAdded": "Đã thêm ghi chú",
    "ui.toast.onFailToAddNote": "Không thêm được ghi chú: %{details}",
    "ui.toast.noteUpdated": "Đã sửa ghi chú",
    "ui.toast.onFailToUpdateNote": "Không sửa được ghi chú: %{details}",
    "ui.toast.noteDeleted": "Đã xóa ghi chú",
    "ui.toast.onFailToDeleteNote": "Không xóa được ghi chú: %{details}",
    "ui.toast.noteResolved": "Đã đánh dấu ghi chú là xong",
    "ui.toast.noteReopened": "Đã mở lại ghi chú",
    "ui.toast.onFailToToggleNote": "Không đổi được trạng thái ghi chú: %{details}"
  };
  var vi = CMS.getLocale("vi") || {};
  Object.keys(missing).forEach(function (path) {
    var keys = path.split("."), last = keys.pop(), o = vi;
    keys.forEach(function (k) { o = o[k] = o[k] || {}; });
    if (o[last] === undefined) { o[last] = missing[path]; }
  });
  CMS.registerLocale("vi", vi);

  // The "+" menu of the text offers Decap's own components, with English
  // labels: the same components under the same ids, in Vietnamese. The
  // code block replaces Decap's (it warns that one is registered).
  CMS.registerEditorComponent({ id: "code-block", label: "Đoạn mã", widget: "code", type: "code-block" });

  // The image of the text's "+" menu is Decap's own component with
  // English labels, its alt field among them ("Alt Text"): the same
  // component under the same id, in Vietnamese.
  CMS.registerEditorComponent({
    id: "image",
    label: "Ảnh",
    pattern: /^!\[([^\]]*)\]\((.*?)(\s"([^"]*)")?\)/,
    fromBlock: function (m) { return m && { image: m[2], alt: m[1], title: m[4] }; },
    toBlock: function (d) {
      return "![" + (d.alt || "") + "](" + (d.image || "") + (d.title ? " \"" + d.title.replace(/"/g, "\\\"") + "\"" : "") + ")";
    },
    toPreview: function (d, getAsset, fields) {
      var field = fields && fields.find(function (f) { return f.get("widget") === "image"; });
      return window.h("img", { src: getAsset(d.image, field) || "", alt: d.alt || "", title: d.title || "" });
    },
    fields: [
      { label: "Ảnh", name: "image", widget: "image", media_library: { allow_multiple: false } },
      { label: "Mô tả ảnh (cho người không nhìn thấy)", name: "alt" },
      { label: "Chú thích khi trỏ chuột vào ảnh (không bắt buộc)", name: "title" }
    ]
  });
})();
