# 预览服务器（`hexaglot serve`）错误提示框中的文字，以页面的语言显示在正在编辑的页面上方。
live-error-title = 无法重新生成网站
live-error-kept = 当前显示的是最后一次成功生成的版本。请修改文件并保存，页面会自动重新加载。
live-error-hide = 隐藏
