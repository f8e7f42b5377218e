package synth

// The lists in this file are copied verbatim, in order, from
// ../shared/bench/gencorpus.py (TOPICS, UNITS, TAGS, …). The random draws
// index into them, so changing, adding or reordering a word changes every
// generated page and breaks TestMatchesGencorpus.

// topics are the seven topics: folder slug and title.
var topics = []pair{
	{"vi-tri-vai-tro", "Vị trí, vai trò"},
	{"giao-duc-nhan-thuc", "Giáo dục, nâng cao nhận thức"},
	{"tao-dieu-kien", "Tạo điều kiện hoạt động"},
	{"the-che-hoa", "Thể chế hóa"},
	{"doi-moi-phuong-thuc", "Đổi mới phương thức"},
	{"phoi-hop-hiep-thuong", "Phối hợp, hiệp thương"},
	{"kiem-tra-khen-thuong", "Kiểm tra, khen thưởng"},
}

// units are the publishing units: folder slug and title.
var units = []pair{
	{"ubnd", "Ủy ban nhân dân"},
	{"mttq", "Mặt trận Tổ quốc"},
	{"doan-thanh-nien", "Đoàn Thanh niên"},
	{"hoi-phu-nu", "Hội Liên hiệp Phụ nữ"},
	{"hoi-nong-dan", "Hội Nông dân"},
	{"hoi-cuu-chien-binh", "Hội Cựu chiến binh"},
	{"chi-bo-1", "Chi bộ 1"},
	{"chi-bo-2", "Chi bộ 2"},
	{"chi-bo-3", "Chi bộ 3"},
	{"chi-bo-4", "Chi bộ 4"},
	{"chi-bo-5", "Chi bộ 5"},
}

// tags are the 40 tags; every page has 2–4 of them.
var tags = []string{
	"giám sát", "phản biện", "xã hội", "dân chủ", "cơ sở", "nhân dân", "cán bộ", "đảng viên",
	"chính quyền", "tuyên truyền", "kiến nghị", "cử tri", "tiếp xúc cử tri", "dân vận",
	"nông thôn mới", "đô thị văn minh", "an sinh xã hội", "khen thưởng", "thi đua", "kiểm tra",
	"hiệp thương", "bầu cử", "pháp luật", "cải cách hành chính", "chuyển đổi số", "môi trường",
	"giáo dục", "y tế", "văn hóa", "thanh niên", "phụ nữ", "nông dân", "cựu chiến binh", "đoàn kết",
	"hòa giải", "khiếu nại", "tố cáo", "phòng chống tham nhũng", "quốc phòng", "an ninh trật tự",
}

// subjects are who acts in a clause: real Vietnamese civic vocabulary.
var subjects = []string{
	"Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc xã", "chính quyền cơ sở", "cán bộ, đảng viên",
	"Ủy ban nhân dân", "Hội đồng nhân dân", "Hội Liên hiệp Phụ nữ",
	"Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Nông dân", "Hội Cựu chiến binh",
	"các tổ chức chính trị - xã hội", "nhân dân", "Ban Thường trực", "cấp ủy",
	"Ban Thanh tra nhân dân", "Ban Giám sát đầu tư cộng đồng", "các đoàn thể", "trưởng thôn",
	"tổ hòa giải", "người đứng đầu", "đại biểu Hội đồng nhân dân", "chi bộ", "Đảng ủy",
	"Ban Công tác Mặt trận", "cử tri", "hội viên", "đoàn viên", "già làng, trưởng bản",
	"người có uy tín", "các ngành chức năng",
}

// verbs are what they do.
var verbs = []string{
	"tăng cường", "đẩy mạnh", "phát huy", "thực hiện", "tổ chức", "triển khai", "giám sát",
	"phản biện", "tuyên truyền", "kiện toàn", "nâng cao", "đổi mới", "phối hợp với", "tiếp thu",
	"lắng nghe", "tổng hợp", "kiến nghị", "đề xuất", "hướng dẫn", "vận động", "củng cố", "xây dựng",
	"rà soát", "đánh giá", "sơ kết", "tổng kết", "khen thưởng", "biểu dương", "chấn chỉnh",
	"khắc phục", "quán triệt", "cụ thể hóa", "thể chế hóa", "bảo đảm", "tạo điều kiện cho", "hỗ trợ",
	"động viên", "theo dõi", "đôn đốc", "giải quyết",
}

// objects are what they act on.
var objects = []string{
	"vai trò giám sát và phản biện xã hội", "quyền làm chủ của nhân dân", "công tác dân vận",
	"quy chế dân chủ ở cơ sở", "ý kiến, kiến nghị của cử tri", "chương trình xây dựng nông thôn mới",
	"khối đại đoàn kết toàn dân tộc", "cuộc vận động toàn dân đoàn kết xây dựng đời sống văn hóa",
	"phong trào thi đua yêu nước", "công tác cải cách hành chính",
	"việc thực hiện chính sách an sinh xã hội", "hoạt động của Ban Thanh tra nhân dân",
	"công tác phòng, chống tham nhũng, lãng phí", "việc tiếp công dân", "công tác hòa giải ở cơ sở",
	"đội ngũ cán bộ làm công tác Mặt trận", "niềm tin của nhân dân đối với Đảng",
	"mối quan hệ mật thiết giữa Đảng và nhân dân", "các dự án đầu tư công trên địa bàn",
	"việc quản lý đất đai, tài nguyên", "chất lượng sinh hoạt chi bộ", "kỷ luật, kỷ cương hành chính",
	"công tác chuyển đổi số", "việc bảo vệ môi trường", "đời sống vật chất và tinh thần",
	"các hộ nghèo, hộ cận nghèo", "người có công với cách mạng",
	"phương châm dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng",
	"trách nhiệm giải trình của người đứng đầu", "nội dung hiệp thương", "văn bản quy phạm pháp luật",
	"kết quả giám sát", "các kiến nghị sau giám sát", "hội nghị đối thoại",
	"hoạt động tiếp xúc cử tri", "công tác kiểm tra, giám sát của Đảng", "điều lệ của các đoàn thể",
	"nghị quyết của cấp ủy", "kế hoạch liên tịch", "phong trào khuyến học, khuyến tài",
}

// adverbials end a clause.
var adverbials = []string{
	"trong thời gian tới", "một cách thường xuyên", "theo đúng quy định của pháp luật",
	"trên địa bàn", "ngay từ cơ sở", "trong năm qua", "một cách thực chất",
	"có trọng tâm, trọng điểm", "đúng thẩm quyền", "kịp thời và hiệu quả", "theo kế hoạch đã đề ra",
	"ở các thôn, tổ dân phố", "trong toàn hệ thống chính trị", "với nhiều hình thức phong phú",
	"công khai, minh bạch", "sát với thực tiễn", "từ cấp xã đến cấp tỉnh", "trong nhiệm kỳ",
	"cả chiều rộng lẫn chiều sâu", "gắn với phát triển kinh tế - xã hội",
}

// connectors open a sentence.
var connectors = []string{
	"Bên cạnh đó,", "Ngoài ra,", "Đồng thời,", "Tuy nhiên,", "Mặt khác,", "Qua đó,", "Trên cơ sở đó,",
	"Theo báo cáo,", "Thực tế cho thấy,", "Nhìn chung,", "Đáng chú ý,", "Cùng với đó,",
	"Theo đồng chí Chủ tịch,", "Từ kết quả trên,", "Để làm tốt nhiệm vụ này,",
}

// general is the general vocabulary of filler clauses (syllable diversity).
var general = []string{
	"kinh tế", "văn hóa", "giáo dục", "y tế", "môi trường", "đất đai", "nhà ở", "giao thông",
	"thủy lợi", "nông nghiệp", "công nghiệp", "dịch vụ", "du lịch", "lao động", "việc làm",
	"thu nhập", "đời sống", "sức khỏe", "bảo hiểm", "học sinh", "giáo viên", "bệnh viện", "trạm y tế",
	"trường học", "thôn", "xóm", "ấp", "bản", "phường", "thị trấn", "huyện", "tỉnh", "thành phố",
	"gia đình", "cộng đồng", "người dân", "doanh nghiệp", "hợp tác xã", "chủ trương", "đường lối",
	"chính sách", "nghị quyết", "chỉ thị", "kết luận", "quyết định", "thông tư", "hướng dẫn",
	"kế hoạch", "chương trình", "đề án", "dự án", "nguồn lực", "ngân sách", "kinh phí", "vốn",
	"tài sản", "công trình", "hạ tầng", "điện", "nước sạch", "vệ sinh", "rác thải", "cây xanh",
	"rừng", "biển", "sông", "đồng ruộng", "mùa vụ", "lúa gạo", "cà phê", "hồ tiêu", "chăn nuôi",
	"thủy sản", "thiên tai", "bão lũ", "hạn hán", "dịch bệnh", "phòng chống", "ứng phó", "khắc phục",
	"hậu quả", "thiệt hại", "cứu trợ", "quyên góp", "ủng hộ", "tấm lòng", "nghĩa tình",
	"tương thân tương ái", "uống nước nhớ nguồn", "đền ơn đáp nghĩa", "trách nhiệm", "nghĩa vụ",
	"quyền lợi", "lợi ích", "nguyện vọng", "tâm tư", "bức xúc", "vướng mắc", "khó khăn", "hạn chế",
	"tồn tại", "nguyên nhân", "giải pháp", "nhiệm vụ", "mục tiêu", "chỉ tiêu", "kết quả",
	"thành tích", "điển hình", "tiên tiến", "gương mẫu", "tận tụy", "sáng tạo", "quyết liệt",
	"đồng bộ", "hiệu lực", "hiệu quả", "chất lượng", "bền vững", "toàn diện", "khách quan",
	"trung thực", "dân chủ", "công bằng", "văn minh", "giàu mạnh", "hạnh phúc", "ấm no", "tự do",
	"độc lập", "thống nhất", "hòa bình", "ổn định", "phát triển", "đoàn kết", "thống nhất ý chí",
	"hành động", "tư tưởng", "đạo đức", "lối sống", "phẩm chất", "năng lực", "uy tín", "bản lĩnh",
	"kinh nghiệm", "kỹ năng", "nghiệp vụ", "bồi dưỡng", "tập huấn", "đào tạo", "quy hoạch",
	"luân chuyển", "bổ nhiệm", "miễn nhiệm", "bãi nhiệm", "tín nhiệm", "lấy phiếu", "bỏ phiếu",
	"ứng cử", "đề cử", "hiệp thương", "danh sách", "hồ sơ", "thủ tục", "một cửa", "trực tuyến",
	"cổng thông tin", "mạng xã hội", "điện thoại", "hộp thư góp ý", "đường dây nóng", "phản ánh",
	"phản hồi", "trả lời", "đối thoại", "chất vấn", "thẩm định", "thẩm tra", "xác minh",
	"kết luận thanh tra", "sai phạm", "vi phạm", "xử lý", "kỷ luật", "khiển trách", "cảnh cáo",
	"cách chức", "khen ngợi", "bằng khen", "giấy khen", "danh hiệu", "huân chương", "kỷ niệm chương",
	"ngày hội", "đại đoàn kết", "khu dân cư", "mừng xuân", "tết", "lễ hội", "truyền thống", "lịch sử",
	"anh hùng", "liệt sĩ", "thương binh", "mẹ Việt Nam anh hùng", "người cao tuổi", "trẻ em",
	"người khuyết tật", "đồng bào dân tộc thiểu số", "tôn giáo", "tín ngưỡng", "chức sắc",
	"chức việc", "kiều bào", "biên giới", "hải đảo", "vùng sâu", "vùng xa", "khó khăn đặc biệt",
	"sinh kế", "giảm nghèo", "nhà đại đoàn kết", "mái ấm", "học bổng", "sách vở", "áo ấm", "gạo",
	"tiền mặt", "quà tặng", "thăm hỏi", "động viên", "chia sẻ", "đồng hành", "lắng nghe", "thấu hiểu",
	"gần dân", "trọng dân", "vì dân", "sát dân", "thực chất", "hình thức", "chiều sâu", "lan tỏa",
	"nhân rộng", "mô hình", "sáng kiến", "cách làm hay", "kinh nghiệm quý", "bài học", "thực tiễn",
	"lý luận", "nhận thức", "quán triệt", "học tập", "làm theo", "tấm gương", "đạo đức Hồ Chí Minh",
	"phong cách", "tinh thần", "ý chí", "khát vọng", "niềm tin", "sự đồng thuận", "sự ủng hộ",
	"sự tham gia", "sức mạnh", "tiềm năng", "lợi thế", "cơ hội", "thách thức", "nguy cơ", "diễn biến",
	"tình hình", "bối cảnh", "xu hướng", "yêu cầu", "đòi hỏi", "điều kiện", "cơ chế",
	"chính sách đặc thù", "quy định", "quy chế", "quy trình", "tiêu chí", "tiêu chuẩn", "định mức",
	"thời hạn", "tiến độ", "báo cáo", "thống kê", "số liệu", "tỷ lệ", "phần trăm", "tăng", "giảm",
	"vượt", "đạt", "hoàn thành", "chưa đạt", "còn chậm", "tích cực", "chủ động", "sâu sát",
	"linh hoạt", "kịp thời", "nghiêm túc", "khẩn trương", "thận trọng",
}

// questions are the Q&A titles, without the question mark.
var questions = []string{
	"Công dân có quyền giám sát hoạt động của chính quyền xã như thế nào",
	"Thủ tục gửi kiến nghị đến Mặt trận Tổ quốc được quy định ra sao",
	"Ban Thanh tra nhân dân được bầu theo trình tự nào",
	"Người dân có được tham gia ý kiến vào dự thảo quy hoạch của xã không",
	"Hội nghị đối thoại giữa người đứng đầu và nhân dân được tổ chức khi nào",
	"Đảng viên sinh hoạt nơi cư trú có những nhiệm vụ gì",
	"Việc hiệp thương lựa chọn người ứng cử được thực hiện như thế nào",
	"Kết quả giám sát đầu tư cộng đồng được công khai ở đâu",
	"Ai có thẩm quyền giải quyết khiếu nại về đất đai ở cấp xã",
	"Tổ hòa giải ở cơ sở hoạt động theo nguyên tắc nào",
	"Hộ gia đình cần chuẩn bị hồ sơ gì để được hỗ trợ nhà đại đoàn kết",
	"Phản biện xã hội của Mặt trận được tiến hành theo những hình thức nào",
	"Cử tri có thể chất vấn đại biểu Hội đồng nhân dân bằng cách nào",
	"Tiêu chí bình xét khu dân cư văn hóa gồm những nội dung gì",
	"Cán bộ, công chức vi phạm quy chế dân chủ bị xử lý ra sao",
}

// titlePatterns are the shapes of article and news titles; see formatTitle.
var titlePatterns = []string{
	"{verb_cap} {obj} {adv}", "{subj_cap} {verb} {obj}", "Nâng cao hiệu quả {obj}",
	"{subj_cap}: {verb} {obj} {adv}", "Kinh nghiệm {verb} {obj} ở {place}", "Phát huy {obj} {adv}",
	"{place_cap}: {verb} {obj}", "Một số giải pháp {verb} {obj}",
}

// places name communes and wards.
var places = []string{
	"xã Tân Phú", "phường Hòa Bình", "xã Đông Hưng", "thị trấn Phú Lộc", "xã Quảng Điền",
	"phường Thạnh Mỹ", "xã Hướng Hóa", "xã Ea Kar", "phường Bến Thành", "xã Mường Lát",
	"xã Cẩm Giàng", "phường Hải Châu",
}

// externalLinks are the outside sites links may point to: title and URL.
var externalLinks = []link{
	{"Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"},
	{"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "https://mattran.org.vn/"},
	{"Thư viện pháp luật", "https://thuvienphapluat.vn/"},
	{"Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/"},
}
