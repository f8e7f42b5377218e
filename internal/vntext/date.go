package vntext

import (
	"fmt"
	"time"
)

// Zone is Vietnam's time zone (UTC+7, no daylight saving time). Dates
// without a zone in front matter are read in it.
var Zone = time.FixedZone("ICT", 7*60*60)

var weekdays = [...]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// Weekday returns the Vietnamese name of d, capitalised as CLDR does:
// "Thứ Tư", "Chủ Nhật".
func Weekday(d time.Weekday) string { return weekdays[d] }

// LongDate formats t in Vietnam's zone as "Thứ Tư, 25/11/2026".
func LongDate(t time.Time) string {
	t = t.In(Zone)
	return fmt.Sprintf("%s, %s", Weekday(t.Weekday()), ShortDate(t))
}

// ShortDate formats t in Vietnam's zone as "25/11/2026".
func ShortDate(t time.Time) string {
	return t.In(Zone).Format("02/01/2006")
}

// DocumentDate formats t as in the header of an official document:
// "ngày 26 tháng 10 năm 2022", with a leading zero for days below 10 and
// for months 1 and 2 ("ngày 05 tháng 01 năm 2026", "ngày 03 tháng 4 năm 2018").
func DocumentDate(t time.Time) string {
	t = t.In(Zone)
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= 2 {
		month = fmt.Sprintf("%02d", int(t.Month()))
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
}
