package cms

// label is how the editor names a front-matter key, in Vietnamese, with a
// hint under the field.
type label struct{ name, hint string }

// labels name every key the content kinds with a collection accept;
// TestConfigMatchesContent fails when a key has none.
var labels = map[string]label{
	"title":     {"Tiêu đề", ""},
	"date":      {"Ngày đăng", "Bài có ngày trong tương lai chỉ hiện ra từ ngày đó."},
	"summary":   {"Tóm tắt", "Một, hai câu; để trống thì dùng đoạn đầu của bài."},
	"tags":      {"Từ khóa", "Cách nhau bằng dấu phẩy, ví dụ: giám sát, dân chủ cơ sở (tối đa 20)."},
	"author":    {"Tác giả", ""},
	"image":     {"Ảnh đại diện", "Ảnh JPEG, PNG hoặc WebP; Loa tự thu nhỏ và xoay đúng chiều."},
	"alt":       {"Mô tả ảnh", "Bắt buộc khi có ảnh: ảnh cho thấy gì, cho người không xem được ảnh."},
	"draft":     {"Bản nháp", "Bản nháp không được đăng."},
	"featured":  {"Tin nổi bật", "Hiện ở đầu trang chủ."},
	"weight":    {"Thứ tự", "Số nhỏ đứng trước, ở nơi xếp theo thứ tự."},
	"aliases":   {"Địa chỉ cũ", "Địa chỉ cũ chuyển về bài này, ví dụ /tin-cu/bai-1/."},
	"expires":   {"Ngày hết hạn", "Sau ngày này bài không còn được đăng."},
	"updated":   {"Ngày cập nhật", "Ngày sửa đổi đáng kể gần nhất, không trước ngày đăng."},
	"slug":      {"Đường dẫn", "Chỉ chữ a–z không dấu, số và dấu gạch nối, ví dụ hoi-nghi-thang-5; để trống thì lấy theo tên tệp."},
	"unsafe":    {"Cho phép HTML", "Chỉ bật khi bài cần mã HTML và người viết biết rõ mã đó."},
	"example":   {"Bài mẫu", "Bài mẫu hiện nhãn “Bài mẫu” cho người đọc."},
	"topic":     {"Chủ đề", ""},
	"unit":      {"Đơn vị", "Đơn vị viết bài."},
	"asker":     {"Người hỏi", "Ví dụ: Bạn T.L., khu phố 2."},
	"menu":      {"Hiện trên thanh điều hướng", ""},
	"number":    {"Số hiệu", "Ví dụ: 18-CT/TW."},
	"type":      {"Loại văn bản", ""},
	"issuer":    {"Cơ quan ban hành", "Ví dụ: Ban Chấp hành Trung ương."},
	"issued":    {"Ngày ban hành", ""},
	"signer":    {"Người ký", ""},
	"effective": {"Ngày hiệu lực", ""},
	"file":      {"Tệp văn bản", "Tệp PDF, Word… của văn bản."},
	"body":      {"Nội dung", ""},
}

// longText are the text keys edited in a box of several lines.
var longText = map[string]bool{"summary": true}

// docTypes are the document types (loại văn bản) the editor offers, from
// the Party's and the state's lists (Hướng dẫn 36-HD/VPTW, Nghị định
// 30/2020/NĐ-CP, Luật Ban hành văn bản quy phạm pháp luật). Loa itself
// takes any text; the types of the site's documents are added to these.
var docTypes = []string{
	"Hiến pháp", "Luật", "Nghị quyết", "Nghị quyết liên tịch", "Nghị định", "Quyết định",
	"Chỉ thị", "Kết luận", "Quy định", "Quy chế", "Thông tư", "Thông tri", "Hướng dẫn",
	"Kế hoạch", "Chương trình", "Đề án", "Thông báo", "Thông cáo", "Báo cáo", "Tờ trình",
	"Công văn", "Văn bản hợp nhất",
}
